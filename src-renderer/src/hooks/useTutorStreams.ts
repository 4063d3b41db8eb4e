import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../../src-shared/contract';
import { api } from '../lib/api';

type Delta = EventPayload<'tutor:delta'>;
type Done = EventPayload<'tutor:done'>;

interface Stream {
  text: string;
  lastSeq: number;
  /** Seen from its first chunk (or from a finished text), so `text` is the whole reply so far. */
  whole: boolean;
  done: boolean;
}

/** A delta, with the reply's whole text so far when every chunk of it was seen. */
export interface TrackedDelta extends Delta {
  accumulated: string | null;
}

const KEEP = 200;
const streams = new Map<string, Stream>();
const listeners = new Set<{ delta: (d: TrackedDelta) => void; done: (d: Done) => void }>();
let subscribed = false;

function forgetOldest(): void {
  for (const [id, stream] of streams) {
    if (streams.size <= KEEP) return;
    if (stream.done) streams.delete(id);
  }
}

function onDelta(delta: Delta): void {
  let stream = streams.get(delta.messageId);
  // A finished reply that streams again is being continued: its sequence starts over and the text grows.
  if (stream?.done) stream = { ...stream, lastSeq: -1, done: false };
  if (!stream) stream = { text: '', lastSeq: -1, whole: delta.seq === 0, done: false };
  if (delta.seq <= stream.lastSeq) return;
  const whole = stream.whole && delta.seq === stream.lastSeq + 1;
  const next = { text: stream.text + delta.text, lastSeq: delta.seq, whole, done: false };
  streams.set(delta.messageId, next);
  forgetOldest();
  for (const l of listeners) l.delta({ ...delta, accumulated: whole ? next.text : null });
}

function onDone(done: Done): void {
  streams.set(done.messageId, { text: done.text, lastSeq: -1, whole: true, done: true });
  for (const l of listeners) l.done(done);
}

/**
 * Starts following the tutor's streams for the rest of the session. Called when the tutor screen opens, so the
 * first chunks of a reply are kept even while the chat that shows it is still mounting.
 */
export function trackTutorStreams(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('tutor:delta', onDelta);
  api.on('tutor:done', onDone);
}

/** Delta and done events of the tutor, each delta with the reply's whole text when it is known. */
export function useTutorStreams(onDeltaEvent: (d: TrackedDelta) => void, onDoneEvent: (d: Done) => void): void {
  const latest = useRef({ delta: onDeltaEvent, done: onDoneEvent });
  useEffect(() => {
    latest.current = { delta: onDeltaEvent, done: onDoneEvent };
  });
  useEffect(() => {
    trackTutorStreams();
    const listener = { delta: (d: TrackedDelta) => latest.current.delta(d), done: (d: Done) => latest.current.done(d) };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
