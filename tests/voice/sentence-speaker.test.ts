import { describe, expect, it } from 'vitest';
import type { SpeechClient } from '../../src-main/providers/speech/speech-client';
import { SpeechError } from '../../src-main/providers/speech/speech-errors';
import { createSentenceSpeaker, type AudioEvent } from '../../src-main/services/voice/sentence-speaker';

/** A speech client whose answers take `delays[n]` ms for the n-th sentence: later sentences can finish first. */
function fakeTts(delays: number[], fail: Set<number> = new Set()) {
  const started: number[] = [];
  let n = 0;
  const client = {
    transcribe: () => Promise.reject(new Error('unused')),
    speak: (text: string, signal?: AbortSignal) => {
      const index = n++;
      started.push(performance.now());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => (fail.has(index) ? reject(new SpeechError('server_error')) : resolve({ mime: 'audio/wav', audio: Buffer.from(text) })), delays[index] ?? 0);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
      });
    },
  } as unknown as SpeechClient;
  return { client, started };
}

describe('sentence speaker', () => {
  it('requests speech for each sentence at once and sends the audio strictly in order', async () => {
    const { client, started } = fakeTts([120, 60, 10]);
    const events: AudioEvent[] = [];
    let firstAudio = 0;
    const speaker = createSentenceSpeaker({ turnId: 't', tts: client, signal: new AbortController().signal, emit: (e) => events.push(e), onFirstAudio: () => (firstAudio += 1) });
    speaker.push('Uno. Dos');
    speaker.push('. Tres');
    const t0 = performance.now();
    await speaker.finish();
    expect(events.map((e) => [e.seq, e.sentence, e.audio && Buffer.from(e.audio, 'base64').toString(), e.last])).toEqual([
      [0, 'Uno.', 'Uno.', false],
      [1, 'Dos.', 'Dos.', false],
      [2, 'Tres', 'Tres', false],
      [3, '', null, true],
    ]);
    // Overlapping requests: the whole reply took about the slowest sentence, not the sum.
    expect(performance.now() - t0).toBeLessThan(120 + 60 + 10);
    expect(started).toHaveLength(3);
    expect(firstAudio).toBe(1);
  });

  it('sends a failed sentence without audio, for the renderer to speak', async () => {
    const { client } = fakeTts([0, 0], new Set([0]));
    const events: AudioEvent[] = [];
    const failures: unknown[] = [];
    const speaker = createSentenceSpeaker({ turnId: 't', tts: client, signal: new AbortController().signal, emit: (e) => events.push(e), onFirstAudio: () => undefined, onFailure: (e) => failures.push(e) });
    speaker.push('Uno. Dos.');
    await speaker.finish();
    expect(events.map((e) => [e.sentence, e.audio === null])).toEqual([['Uno.', true], ['Dos.', false], ['', true]]);
    expect(failures).toHaveLength(1);
  });

  it('sends nothing more once aborted', async () => {
    const { client } = fakeTts([50, 50, 50]);
    const events: AudioEvent[] = [];
    const controller = new AbortController();
    const speaker = createSentenceSpeaker({ turnId: 't', tts: client, signal: controller.signal, emit: (e) => events.push(e), onFirstAudio: () => undefined });
    speaker.push('Uno. Dos. Tres. ');
    controller.abort();
    speaker.push('Cuatro. ');
    await speaker.finish();
    expect(events).toEqual([]);
  });
});
