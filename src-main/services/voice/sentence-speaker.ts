import type { EventPayload } from '../../../src-shared/contract/events';
import type { SpeechClient, SpokenAudio } from '../../providers/speech/speech-client';
import { createSentenceSplitter, speakable } from './sentence-splitter';

export type AudioEvent = EventPayload<'voice:audio'>;

export interface SentenceSpeakerOptions {
  turnId: string;
  /** Null: no text-to-speech provider; events carry the sentence with `audio: null` and the renderer speaks. */
  tts: SpeechClient | null;
  signal: AbortSignal;
  emit: (event: AudioEvent) => void;
  /** The first event with audio (or the first sentence, without a provider) is ready. */
  onFirstAudio: () => void;
  /** A sentence's speech failed: the event goes out with `audio: null`. */
  onFailure?: (error: unknown) => void;
}

/**
 * Speaks a streamed reply: text goes in as it arrives, each completed sentence is sent to text-to-speech at once
 * (requests overlap), and the audio goes out as `voice:audio` events strictly in order. An abort drops every
 * pending request and sends nothing more.
 */
export function createSentenceSpeaker(options: SentenceSpeakerOptions) {
  const splitter = createSentenceSplitter();
  let seq = 0;
  let chain: Promise<void> = Promise.resolve();
  let first = true;
  let finished = false;

  const send = (event: AudioEvent) => {
    if (options.signal.aborted) return;
    if (first && (event.audio !== null || event.sentence)) {
      first = false;
      options.onFirstAudio();
    }
    options.emit(event);
  };

  const enqueue = (sentence: string) => {
    const text = speakable(sentence);
    if (!text) return;
    const n = seq++;
    const spoken: Promise<SpokenAudio | null> = options.tts
      ? options.tts.speak(text, options.signal).catch((error: unknown) => {
          if (!options.signal.aborted) options.onFailure?.(error);
          return null;
        })
      : Promise.resolve(null);
    chain = chain.then(async () => {
      const audio = await spoken;
      send({ turnId: options.turnId, seq: n, sentence: text, mime: audio?.mime ?? null, audio: audio ? audio.audio.toString('base64') : null, last: false });
    });
  };

  return {
    push(text: string): void {
      if (finished || options.signal.aborted) return;
      for (const sentence of splitter.push(text)) enqueue(sentence);
    },

    /** The reply ended: speak the rest, then a closing event with `last: true`. Resolves when all is sent. */
    finish(): Promise<void> {
      if (!finished) {
        finished = true;
        for (const sentence of splitter.flush()) enqueue(sentence);
        const n = seq++;
        chain = chain.then(() => send({ turnId: options.turnId, seq: n, sentence: '', mime: null, audio: null, last: true }));
      }
      return chain;
    },

    /** Resolves when everything queued so far is sent (or dropped by an abort). */
    drained: () => chain,
  };
}
