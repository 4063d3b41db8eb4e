import { espeakVoicesFor } from './system-voice';

/** The parts of the espeak-ng Emscripten build (@echogarden/espeak-ng-emscripten) Parley uses. */
interface EspeakWorker {
  set_voice(name: string): number;
  get_samplerate(): number;
  /** Calls back with each piece of 16-bit audio; returning true would abort. */
  synthesize(text: string, callback: (samples: Int16Array) => boolean): void;
}
interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}

let worker: Promise<EspeakWorker> | null = null;

/** Loads the synthesiser once, from the app's own `espeak/` folder (its voice data sits next to it). */
function loadEspeak(): Promise<EspeakWorker> {
  worker ??= (async () => {
    const url = new URL('espeak/espeak-ng.js', document.baseURI).href;
    const module = (await import(/* @vite-ignore */ url)) as { default: () => Promise<EspeakModule> };
    const espeak = await module.default();
    return new espeak.eSpeakNGWorker();
  })();
  worker.catch(() => {
    worker = null;
  });
  return worker;
}

/**
 * Speaks a sentence with the bundled espeak-ng (offline, every language it knows) with its voice for `language`
 * into an AudioBuffer the player schedules like any other; null when it has no voice for the language.
 */
export async function espeakSentence(
  ctx: AudioContext,
  sentence: string,
  language: string,
): Promise<AudioBuffer | null> {
  const espeak = await loadEspeak();
  // set_voice returns 0 once it has the voice: the language's own first, never another language's.
  if (!espeakVoicesFor(language).some((name) => espeak.set_voice(name) === 0)) return null;
  const pieces: Int16Array[] = [];
  espeak.synthesize(sentence, (samples) => {
    pieces.push(samples);
    return false;
  });
  const length = pieces.reduce((n, piece) => n + piece.length, 0);
  if (length === 0) return null;
  const buffer = ctx.createBuffer(1, length, espeak.get_samplerate());
  const channel = buffer.getChannelData(0);
  let at = 0;
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i += 1) channel[at + i] = piece[i]! / 32768;
    at += piece.length;
  }
  return buffer;
}
