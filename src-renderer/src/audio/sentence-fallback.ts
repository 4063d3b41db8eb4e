import type { SentenceFallback } from './speech-player';

function systemVoice(language: string): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  const wanted = language.toLowerCase();
  const voices = window.speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === wanted);
  return voices.find((v) => v.localService) ?? voices[0] ?? null;
}

/** Speaks with the system's voice for the language and resolves when it is done (or stopped). */
function speakWithSystem(voice: SpeechSynthesisVoice, sentence: string, signal: AbortSignal): Promise<'spoken'> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.voice = voice;
    utterance.lang = voice.lang;
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
 * else the bundled offline synthesiser (given as `offline`), else not at all (the text still shows).
 */
export function sentenceFallback(
  language: string,
  offline: ((sentence: string, language: string) => Promise<AudioBuffer | null>) | null,
): SentenceFallback {
  return async (sentence, signal) => {
    const voice = systemVoice(language);
    if (voice) return speakWithSystem(voice, sentence, signal);
    if (!offline) return null;
    // A synthesiser that fails to load leaves the sentence unspoken: the text still shows.
    return offline(sentence, language).catch(() => null);
  };
}
