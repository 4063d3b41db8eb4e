/**
 * Hybrid logical clock: wall-clock milliseconds, a counter for events in the same millisecond, and the device
 * id. Its string form sorts in causal order, so last-writer-wins can compare strings.
 */
export interface Hlc {
  readonly ms: number;
  readonly counter: number;
  readonly node: string;
}

const MS_WIDTH = 15;
const COUNTER_WIDTH = 6;
const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;

export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(MS_WIDTH, '0')}:${String(h.counter).padStart(COUNTER_WIDTH, '0')}:${h.node}`;
}

export function parseHlc(text: string): Hlc {
  const [ms, counter, ...node] = text.split(':');
  const parsed = { ms: Number(ms), counter: Number(counter), node: node.join(':') };
  if (!Number.isSafeInteger(parsed.ms) || !Number.isSafeInteger(parsed.counter) || !parsed.node) {
    throw new Error(`Not an HLC timestamp: ${text}`);
  }
  return parsed;
}

/** The next local timestamp: never behind the last one issued, even when the wall clock steps back. */
export function tickHlc(last: Hlc, nowMs: number): Hlc {
  if (nowMs > last.ms) return { ms: nowMs, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { ms: last.ms + 1, counter: 0, node: last.node };
  return { ms: last.ms, counter: last.counter + 1, node: last.node };
}

/** Advances the local clock past a timestamp received from another device. */
export function receiveHlc(last: Hlc, remote: Hlc, nowMs: number): Hlc {
  const ms = Math.max(last.ms, remote.ms, nowMs);
  let counter = 0;
  if (ms === last.ms && ms === remote.ms) counter = Math.max(last.counter, remote.counter) + 1;
  else if (ms === last.ms) counter = last.counter + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  if (counter > MAX_COUNTER) return { ms: ms + 1, counter: 0, node: last.node };
  return { ms, counter, node: last.node };
}
