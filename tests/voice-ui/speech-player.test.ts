import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src-shared/contract';
import { InSeqOrder, scheduleAfter } from '../../src-renderer/src/audio/playback-order';
import {
  SpeechPlayer,
  type DecodedAudio,
  type PlaybackContext,
  type ScheduledAudio,
  type SentenceFallback,
} from '../../src-renderer/src/audio/speech-player';

type Chunk = EventPayload<'voice:audio'>;

describe('gapless scheduling', () => {
  it('puts each buffer right where the previous ends, or just ahead of now when the cursor has passed', () => {
    expect(scheduleAfter(0, 1, 0.5, 0.02)).toEqual({ start: 1.02, end: 1.52 });
    expect(scheduleAfter(1.52, 1.1, 0.25, 0.02)).toEqual({ start: 1.52, end: 1.77 });
    expect(scheduleAfter(1.77, 3, 1, 0.02)).toEqual({ start: 3.02, end: 4.02 });
  });

  it('releases chunks in seq order, holding early ones and dropping repeats', () => {
    const order = new InSeqOrder<{ seq: number }>();
    expect(order.push({ seq: 1 })).toEqual([]);
    expect(order.push({ seq: 2 })).toEqual([]);
    expect(order.push({ seq: 0 }).map((c) => c.seq)).toEqual([0, 1, 2]);
    expect(order.push({ seq: 1 })).toEqual([]);
    expect(order.push({ seq: 3 }).map((c) => c.seq)).toEqual([3]);
  });
});

/** An audio clock the test moves by hand; "decoding" reads the duration from the first byte (tenths of a s). */
class FakeContext implements PlaybackContext {
  currentTime = 0;
  readonly started: { label: number; at: number; duration: number }[] = [];
  readonly sources: { stopped: boolean; ended: (() => void)[] }[] = [];
  decode(bytes: Uint8Array): Promise<DecodedAudio> {
    const first = bytes[0]!;
    if (first === 0) return Promise.reject(new Error('not audio'));
    // Later chunks decode faster: order must come from seq, not from decoding.
    return new Promise((resolve) => setTimeout(() => resolve({ duration: first / 10 }), 30 - first));
  }
  playAt(audio: DecodedAudio, when: number): ScheduledAudio {
    this.started.push({ label: Math.round(audio.duration * 10), at: when, duration: audio.duration });
    const source = { stopped: false, ended: [] as (() => void)[] };
    this.sources.push(source);
    return {
      stop: () => {
        source.stopped = true;
      },
      onEnded: (listener) => source.ended.push(listener),
    };
  }
  endAll(): void {
    for (const source of this.sources) for (const listener of source.ended) listener();
  }
}

const chunk = (seq: number, tenths: number | null, last = false, sentence = `s${seq}`): Chunk => ({
  turnId: 't1',
  seq,
  sentence,
  mime: tenths === null ? null : 'audio/wav',
  audio: tenths === null ? null : Buffer.from([tenths]).toString('base64'),
  last,
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

function player(ctx: FakeContext, fallback: SentenceFallback = () => Promise.resolve(null)) {
  const events: string[] = [];
  const p = new SpeechPlayer(
    ctx,
    fallback,
    {
      onFirstAudio: (turnId, at) => events.push(`first:${turnId}:${at}`),
      onEnded: (turnId) => events.push(`ended:${turnId}`),
    },
    () => 1_000_000,
  );
  return { p, events };
}

describe('the sentence player', () => {
  it('plays chunks back to back in seq order, whatever order they arrive and decode in', async () => {
    const ctx = new FakeContext();
    const { p, events } = player(ctx);
    p.begin('t1');
    p.push(chunk(2, 3));
    p.push(chunk(1, 2));
    p.push(chunk(0, 5));
    p.push({ ...chunk(3, null, true), sentence: '' });
    await settle();
    expect(ctx.started.map((s) => s.label)).toEqual([5, 2, 3]);
    const [a, b, c] = ctx.started;
    expect(b!.at).toBeCloseTo(a!.at + a!.duration, 9);
    expect(c!.at).toBeCloseTo(b!.at + b!.duration, 9);
    // The first buffer starts 20 ms ahead of the audio clock: reported as that epoch time.
    expect(events).toEqual(['first:t1:1000020']);
    ctx.endAll();
    expect(events).toEqual(['first:t1:1000020', 'ended:t1']);
  });

  it('speaks sentences without audio (or with undecodable audio) through the fallback, in their place', async () => {
    const ctx = new FakeContext();
    const spoken: string[] = [];
    const { p, events } = player(ctx, (sentence) => {
      spoken.push(sentence);
      return Promise.resolve(sentence === 'bad' ? { duration: 0.4 } : 'spoken');
    });
    p.begin('t1');
    p.push(chunk(0, null, false, 'Hola.'));
    p.push({ ...chunk(1, 0, false, 'bad') });
    p.push({ ...chunk(2, null, true, '') });
    await settle();
    expect(spoken).toEqual(['Hola.', 'bad']);
    expect(events[0]).toBe('first:t1:1000000');
    expect(ctx.started.map((s) => s.label)).toEqual([4]);
  });

  it('stops at once on barge-in: every source stopped, later chunks of the turn ignored', async () => {
    const ctx = new FakeContext();
    const { p, events } = player(ctx);
    p.begin('t1');
    p.push(chunk(0, 5));
    await settle();
    p.stop();
    expect(ctx.sources.every((s) => s.stopped)).toBe(true);
    p.push(chunk(1, 5));
    p.push({ ...chunk(2, null, true), sentence: '' });
    await settle();
    expect(ctx.started).toHaveLength(1);
    expect(events).toEqual(['first:t1:1000020']);
  });

  it('ignores chunks of another turn', async () => {
    const ctx = new FakeContext();
    const { p } = player(ctx);
    p.begin('t2');
    p.push(chunk(0, 5));
    await settle();
    expect(ctx.started).toHaveLength(0);
  });
});
