/** Releases items strictly in `seq` order from 0, holding any that arrive early until the gap before them fills. */
export class InSeqOrder<T extends { seq: number }> {
  private next = 0;
  private readonly held = new Map<number, T>();

  push(item: T): T[] {
    if (item.seq < this.next || this.held.has(item.seq)) return [];
    this.held.set(item.seq, item);
    const ready: T[] = [];
    for (let found = this.held.get(this.next); found !== undefined; found = this.held.get(this.next)) {
      ready.push(found);
      this.held.delete(this.next);
      this.next += 1;
    }
    return ready;
  }
}

/** The least time ahead of "now" a buffer is scheduled, so its start is never in the past when the call returns. */
export const SCHEDULE_LEAD_S = 0.02;

/**
 * Where the next buffer goes on the audio clock: right after the previous one (no gap, no overlap) unless that
 * moment has passed, then as soon as possible.
 */
export function scheduleAfter(
  cursor: number,
  now: number,
  duration: number,
  lead = SCHEDULE_LEAD_S,
): { start: number; end: number } {
  const start = Math.max(cursor, now + lead);
  return { start, end: start + duration };
}
