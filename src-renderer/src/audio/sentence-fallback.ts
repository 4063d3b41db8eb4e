import type { SentenceFallback } from './speech-player';
import { pickSystemVoice, utteranceLang } from './system-voice';

/** An utterance of `text` in `language` with `voice`: its lang is set too, so the engine never guesses. */
export function utteranceFor(text: string, voice: SpeechSynthesisVoice, language: string): SpeechSynthesisUtterance {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = utteranceLang(voice, language);
  return utterance;
}

function systemVoice(language: string): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  return pickSystemVoice(window.speechSynthesis.getVoices(), language);
}

/** Speaks with the system's voice for the language and resolves when it is done (or stopped). */
function speakWithSystem(
  voice: SpeechSynthesisVoice,
  sentence: string,
  language: string,
  signal: AbortSignal,
): Promise<'spoken'> {
  return new Promise((resolve) => {
    const utterance = utteranceFor(sentence, voice, language);
    const done = () => resolve('spoken');
    utterance.onend = done;
    utterance.onerror = done;
    signal.addEventListener('abort', () => {
      window.speechSynthesis.cancel();
      done();
    });
    window.speechSynthesis.speak(utterance);
  });
}

/**
 * How a sentence without audio is spoken: the system's speech synthesis when it has a voice for the language,
 * else the bundled offline synthesiser (given as `offline`), else not at all (the text still shows). `language`
 * is the conversation's target language, read when each sentence is spoken.
 */
export function sentenceFallback(
  language: string | (() => string),
  offline: ((sentence: string, language: string) => Promise<AudioBuffer | null>) | null,
): SentenceFallback {
  const languageNow = typeof language === 'function' ? language : () => language;
  return async (sentence, signal) => {
    const lang = languageNow();
    const voice = systemVoice(lang);
    if (voice) return speakWithSystem(voice, sentence, lang, signal);
    if (!offline) return null;
    // A synthesiser that fails to load leaves the sentence unspoken: the text still shows.
    return offline(sentence, lang).catch(() => null);
  };
}
