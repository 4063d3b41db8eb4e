/** 10 ms chunks at 16 kHz. */
const CHUNK = 160;
/** Speech above this level (dBFS) opens an utterance. */
const SPEECH_DB = -45;
/** 200 ms before the speech are kept so the first syllable is not cut. */
const PRE_ROLL_CHUNKS = 20;
/** A turn is at most 60 s (the contract's limit). */
const MAX_TURN_CHUNKS = 60 * 100;

export interface EndpointerOptions {
  endOfTurnSilenceMs: number;
  /** Speech started (the tutor should stop talking: a barge-in). */
  onSpeechStart: () => void;
  /** An utterance ended: its 16 kHz PCM16 (pre-roll included), and how long ago the speech ended in ms. */
  onUtterance: (pcm: Int16Array, silenceMs: number) => void;
}

/**
 * Energy end-pointing of a live 16 kHz mono stream (the learner's LiveKit track, where the renderer's VAD does not
 * run): an utterance opens at the first loud 10 ms chunk and closes after the learner's end-of-turn silence.
 */
export function createEndpointer(options: EndpointerOptions) {
  const silenceChunks = Math.max(1, Math.ceil(options.endOfTurnSilenceMs / 10));
  const preRoll: Int16Array[] = [];
  let utterance: Int16Array[] | null = null;
  let quiet = 0;
  let pending = new Int16Array(0);

  const close = () => {
    const total = utterance!.reduce((n, c) => n + c.length, 0);
    const pcm = new Int16Array(total);
    let at = 0;
    for (const c of utterance!) {
      pcm.set(c, at);
      at += c.length;
    }
    utterance = null;
    options.onUtterance(pcm, quiet * 10);
  };

  const chunk = (samples: Int16Array) => {
    const loud = levelDb(samples) > SPEECH_DB;
    if (!utterance) {
      preRoll.push(samples);
      if (preRoll.length > PRE_ROLL_CHUNKS) preRoll.shift();
      if (!loud) return;
      options.onSpeechStart();
      utterance = preRoll.splice(0);
      quiet = 0;
      return;
    }
    utterance.push(samples);
    quiet = loud ? 0 : quiet + 1;
    if (quiet >= silenceChunks || utterance.length >= MAX_TURN_CHUNKS) close();
  };

  return {
    /** Any number of samples; they are cut into 10 ms chunks. */
    push(samples: Int16Array): void {
      const joined = new Int16Array(pending.length + samples.length);
      joined.set(pending);
      joined.set(samples, pending.length);
      let at = 0;
      for (; at + CHUNK <= joined.length; at += CHUNK) chunk(joined.slice(at, at + CHUNK));
      pending = joined.slice(at);
    },
  };
}

function levelDb(chunk: Int16Array): number {
  let sum = 0;
  for (const s of chunk) sum += (s / 32768) ** 2;
  return 10 * Math.log10(sum / chunk.length + 1e-12);
}
