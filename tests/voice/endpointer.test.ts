import { describe, expect, it } from 'vitest';
import { createEndpointer } from '../../src-main/services/voice/endpointer';
import { RATE, synthesize } from './synthetic-audio';

const pcm = (samples: Float32Array) => Int16Array.from(samples, (s) => Math.round(s * 32767));

/** Feeds audio in 20 ms frames, as a LiveKit AudioStream does. */
function feed(endpointer: ReturnType<typeof createEndpointer>, samples: Int16Array) {
  for (let at = 0; at < samples.length; at += RATE / 50) endpointer.push(samples.slice(at, at + RATE / 50));
}

describe('energy end-pointing of a live stream', () => {
  it('cuts utterances at the end-of-turn silence, keeping short pauses inside a turn and a bit of pre-roll', () => {
    const utterances: { ms: number; silenceMs: number }[] = [];
    let starts = 0;
    const endpointer = createEndpointer({
      endOfTurnSilenceMs: 800,
      onSpeechStart: () => (starts += 1),
      onUtterance: (audio, silenceMs) => utterances.push({ ms: (audio.length / RATE) * 1000, silenceMs }),
    });
    feed(endpointer, pcm(synthesize([{ silence: 500 }, { tone: 600, hz: 150 }, { silence: 500 }, { tone: 400, hz: 150 }, { silence: 1000 }, { tone: 300, hz: 200 }, { silence: 900 }])));
    expect(starts).toBe(2);
    expect(utterances).toHaveLength(2);
    // 200 ms pre-roll + 600 + 500 (a pause shorter than 800 ms) + 400 + 800 ms of closing silence.
    expect(Math.abs(utterances[0]!.ms - 2500)).toBeLessThanOrEqual(30);
    expect(utterances[0]!.silenceMs).toBe(800);
    expect(Math.abs(utterances[1]!.ms - 1300)).toBeLessThanOrEqual(30);
  });

  it('says nothing for silence', () => {
    const endpointer = createEndpointer({ endOfTurnSilenceMs: 500, onSpeechStart: () => expect.fail('no speech'), onUtterance: () => expect.fail('no utterance') });
    feed(endpointer, pcm(synthesize([{ silence: 3000 }])));
  });
});
