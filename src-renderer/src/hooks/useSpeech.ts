import { useCallback, useEffect, useState } from 'react';

const synthesis = (): SpeechSynthesis | null => ('speechSynthesis' in window ? window.speechSynthesis : null);

function voiceFor(language: string): SpeechSynthesisVoice | null {
  const voices = synthesis()?.getVoices() ?? [];
  const wanted = language.toLowerCase();
  const matching = voices.filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === wanted);
  return matching.find((voice) => voice.localService) ?? matching[0] ?? null;
}

/**
 * Speaks text with the system's speech synthesis in one language. `available` is false when the system has no
 * voice for it (voices load late, so it is checked again when the list changes).
 */
export function useSpeech(language: string) {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(() => voiceFor(language));

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

  const speak = useCallback(
    (text: string) => {
      const speech = synthesis();
      if (!speech || !voice || !text.trim()) return;
      speech.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      speech.speak(utterance);
    },
    [voice],
  );

  return { available: voice !== null, speak };
}
