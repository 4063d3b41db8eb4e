import { useCallback, useEffect, useRef, useState } from 'react';
import { utteranceFor } from '../audio/sentence-fallback';
import { pickSystemVoice } from '../audio/system-voice';
import { api } from '../lib/api';
import { useContractQuery } from './useContractQuery';

const synthesis = (): SpeechSynthesis | null => ('speechSynthesis' in window ? window.speechSynthesis : null);

const voiceFor = (language: string): SpeechSynthesisVoice | null =>
  pickSystemVoice(synthesis()?.getVoices() ?? [], language);

/**
 * Speaks text in one language: with the speech service when one is set up (`voice:speak`, which picks the voice
 * set for that language), else — or when it fails — with the system's voice for the language. `available` is
 * false when neither can (voices load late, so it is checked again when the list changes).
 */
export function useSpeech(language: string) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(() => voiceFor(language));
  const service = useContractQuery('voice:status', {}, { staleTime: 60_000 }).data?.tts ?? false;
  const playing = useRef<HTMLAudioElement | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const speech = synthesis();
    if (!speech) return;
    const update = () => setVoice(voiceFor(language));
    update();
    speech.addEventListener('voiceschanged', update);
    return () => {
      speech.removeEventListener('voiceschanged', update);
      speech.cancel();
    };
  }, [language]);

  useEffect(
    () => () => {
      asked.current += 1;
      playing.current?.pause();
    },
    [],
  );

  const speakWithSystem = useCallback(
    (text: string) => {
      const speech = synthesis();
      if (!speech || !voice) return;
      speech.speak(utteranceFor(text, voice, language));
    },
    [voice, language],
  );

  const speak = useCallback(
    (text: string) => {
      if (!text.trim()) return;
      // Only the latest request speaks: an older answer arriving late is dropped.
      const ask = ++asked.current;
      playing.current?.pause();
      synthesis()?.cancel();
      if (!service) return speakWithSystem(text);
      void api
        .invoke('voice:speak', { text, language })
        .then(({ mime, audio }) => {
          if (ask !== asked.current) return;
          if (!audio) return speakWithSystem(text);
          playing.current = new Audio(`data:${mime ?? 'audio/wav'};base64,${audio}`);
          return playing.current.play();
        })
        .catch(() => {
          if (ask === asked.current) speakWithSystem(text);
        });
    },
    [service, language, speakWithSystem],
  );

  return { available: service || voice !== null, speak };
}
