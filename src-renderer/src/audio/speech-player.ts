import type { EventPayload } from '../../../src-shared/contract';
import { base64ToBytes } from './pcm';
import { InSeqOrder, scheduleAfter } from './playback-order';

type AudioChunk = EventPayload<'voice:audio'>;
/** A chunk with its audio already decoding: decoding starts on arrival, only the scheduling waits its turn. */
type PendingChunk = AudioChunk & { decoded: Promise<DecodedAudio | null> | null };

/** Decoded audio: only its length matters to the scheduling. */
export interface DecodedAudio {
  readonly duration: number;
}

/** A buffer scheduled on the audio clock. */
export interface ScheduledAudio {
  stop(): void;
  onEnded(listener: () => void): void;
}

/** The audio output the player drives: Web Audio in the app (web-audio-output.ts), a fake clock in the tests. */
export interface PlaybackContext<A extends DecodedAudio = DecodedAudio> {
  /** The audio clock, in seconds. */
  readonly currentTime: number;
  decode(bytes: Uint8Array): Promise<A>;
  playAt(audio: A, when: number): ScheduledAudio;
}

/**
 * Speaks a sentence that came without audio: returns a buffer to schedule like any other (the bundled
 * synthesiser), or plays it itself and resolves when done (the system's voices), or null when it cannot.
 */
export type SentenceFallback = (sentence: string, signal: AbortSignal) => Promise<DecodedAudio | 'spoken' | null>;

export interface PlayerCallbacks {
  /** The first sound of a turn starts, at this epoch time in ms. */
  onFirstAudio(turnId: string, at: number): void;
  /** Everything of the turn has been played (after its closing chunk). */
  onEnded(turnId: string): void;
}

/**
 * Plays a reply's `voice:audio` chunks gaplessly in `seq` order: each decoded buffer is scheduled on the audio
 * clock right where the previous one ends. `stop()` silences everything at once (barge-in).
 */
export class SpeechPlayer {
  private turnId: string | null = null;
  private order = new InSeqOrder<PendingChunk>();
  private chain: Promise<void> = Promise.resolve();
  private cursor = 0;
  private readonly sources = new Set<ScheduledAudio>();
  private started = false;
  private closed = false;
  private abort = new AbortController();

  constructor(
    private readonly ctx: PlaybackContext,
    private readonly fallback: SentenceFallback,
    private readonly callbacks: PlayerCallbacks,
    private readonly now: () => number = Date.now,
  ) {}

  get playingTurn(): string | null {
    return this.turnId;
  }

  /** Starts a new turn's playback (stopping anything still playing). */
  begin(turnId: string): void {
    this.stop();
    this.turnId = turnId;
  }

  push(chunk: AudioChunk): void {
    if (chunk.turnId !== this.turnId) return;
    const signal = this.abort.signal;
    const decoded = chunk.audio ? this.decode(chunk.audio) : null;
    for (const ready of this.order.push({ ...chunk, decoded })) {
      this.chain = this.chain
        .then(() => (signal.aborted ? undefined : this.play(ready, signal)))
        .catch(() => undefined);
    }
  }

  /** Silences the turn at once; nothing more of it plays. */
  stop(): void {
    this.abort.abort();
    this.abort = new AbortController();
    for (const source of this.sources) source.stop();
    this.sources.clear();
    this.turnId = null;
    this.order = new InSeqOrder<PendingChunk>();
    this.chain = Promise.resolve();
    this.cursor = 0;
    this.started = false;
    this.closed = false;
  }

  private async play(chunk: PendingChunk, signal: AbortSignal): Promise<void> {
    const turnId = chunk.turnId;
    if (chunk.decoded) {
      const buffer = await chunk.decoded;
      if (signal.aborted) return;
      if (buffer) return this.schedule(buffer, turnId);
    }
    if (chunk.sentence.trim()) {
      await this.waitForCursor(signal);
      if (signal.aborted) return;
      const spoken = await this.fallback(chunk.sentence, signal);
      if (signal.aborted) return;
      if (spoken === 'spoken') this.markStarted(turnId, this.now());
      else if (spoken) this.schedule(spoken, turnId);
    }
    if (chunk.last) {
      this.closed = true;
      this.endIfDone(turnId);
    }
  }

  private async decode(base64: string): Promise<DecodedAudio | null> {
    try {
      return await this.ctx.decode(base64ToBytes(base64));
    } catch {
      return null;
    }
  }

  private schedule(audio: DecodedAudio, turnId: string): void {
    const now = this.ctx.currentTime;
    const { start, end } = scheduleAfter(this.cursor, now, audio.duration);
    const source = this.ctx.playAt(audio, start);
    this.cursor = end;
    this.sources.add(source);
    source.onEnded(() => {
      this.sources.delete(source);
      this.endIfDone(turnId);
    });
    this.markStarted(turnId, this.now() + (start - now) * 1000);
  }

  private markStarted(turnId: string, at: number): void {
    if (this.started) return;
    this.started = true;
    this.callbacks.onFirstAudio(turnId, Math.round(at));
  }

  private waitForCursor(signal: AbortSignal): Promise<void> {
    const ms = (this.cursor - this.ctx.currentTime) * 1000;
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private endIfDone(turnId: string): void {
    if (!this.closed || this.sources.size > 0 || this.turnId !== turnId) return;
    this.turnId = null;
    this.callbacks.onEnded(turnId);
  }
}
