import { zoneOffsetMs } from './day';

/**
 * Study days for the progress screens: review totals arrive in 15-minute UTC buckets and are folded into the
 * learner's own days (their time zone, their day start hour). Every real UTC offset is a multiple of 15 minutes and
 * every daylight-saving change happens on a quarter hour, so a bucket never straddles two study days.
 */
export const REVIEW_BUCKET_MS = 15 * 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The offset in force from `from` on (until the next segment); the first one also covers earlier instants. */
export interface OffsetSegment {
  from: number;
  offset: number;
}

/** An offset lookup, with the segments it knows so a database query can do the same sums. */
export type OffsetLookup = ((at: number) => number) & { segments: readonly OffsetSegment[] };

const yearSegments = new Map<string, OffsetSegment[]>();

/**
 * The offsets in force during one UTC year: read once per day, and where two days differ the change is found to the
 * quarter hour by bisection (~400 zone lookups). Kept for the life of the process: a zone's rules change only with
 * the runtime's time-zone data.
 */
function segmentsOfYear(timeZone: string, year: number): OffsetSegment[] {
  const key = `${timeZone}|${year}`;
  let segments = yearSegments.get(key);
  if (segments) return segments;
  const read = (at: number) => zoneOffsetMs(timeZone, at);
  const first = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  segments = [{ from: first, offset: read(first) }];
  for (let day = first + DAY_MS; day <= end; day += DAY_MS) {
    const offset = read(day);
    const before = segments[segments.length - 1]!.offset;
    if (offset === before) continue;
    let lo = day - DAY_MS;
    let hi = day;
    while (hi - lo > REVIEW_BUCKET_MS) {
      const mid = lo + Math.floor((hi - lo) / REVIEW_BUCKET_MS / 2) * REVIEW_BUCKET_MS;
      if (read(mid) === before) lo = mid;
      else hi = mid;
    }
    segments.push({ from: hi, offset });
  }
  yearSegments.set(key, segments);
  return segments;
}

/**
 * A fast offset lookup for one zone between `from` and `to`, built from whole UTC years of offsets worked out once
 * per process. Outside those years it asks the zone directly.
 */
export function zoneOffsets(timeZone: string, from: number, to: number): OffsetLookup {
  const firstYear = new Date(from).getUTCFullYear();
  const lastYear = new Date(to).getUTCFullYear();
  const segments: OffsetSegment[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const segment of segmentsOfYear(timeZone, year)) {
      if (segments.length && segments[segments.length - 1]!.offset === segment.offset) continue;
      segments.push(segment);
    }
  }
  const first = Date.UTC(firstYear, 0, 1);
  const last = Date.UTC(lastYear + 1, 0, 1);
  const lookup = (at: number) => {
    if (at < first || at >= last) return zoneOffsetMs(timeZone, at);
    let i = segments.length - 1;
    while (segments[i]!.from > at) i -= 1;
    return segments[i]!.offset;
  };
  return Object.assign(lookup, { segments });
}

/** Numbers the learner's study days: day n runs from `dayStartHour` on local date n (days since 1970-01-01). */
export interface DayCounter {
  readonly dayStartHour: number;
  readonly offsets: OffsetLookup;
  dayOf(at: number): number;
  /** The instant study day `n` begins. */
  startOf(day: number): number;
}

export function dayCounter(offsets: OffsetLookup, dayStartHour: number): DayCounter {
  const shift = dayStartHour * HOUR_MS;
  return {
    dayStartHour,
    offsets,
    dayOf: (at) => Math.floor((at + offsets(at) - shift) / DAY_MS),
    startOf(day) {
      const local = day * DAY_MS + shift;
      const guess = local - offsets(local);
      return local - offsets(guess);
    },
  };
}

/** "2026-03-29" for a day number: the local date the study day starts on. */
export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a "YYYY-MM-DD" date. */
export function dayFromKey(key: string): number {
  return Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
}

/** Monday of the week holding `day` (ISO weeks). */
export function weekStartOf(day: number): number {
  // Day 0 (1970-01-01) was a Thursday: Monday is 3 days before.
  return day - ((((day + 3) % 7) + 7) % 7);
}

export interface BucketTotals {
  reviews: number;
  again: number;
  hard: number;
  good: number;
  easy: number;
  introduced: number;
  reviewPassed: number;
  reviewFailed: number;
  durationMs: number;
}

export const ZERO_TOTALS: BucketTotals = {
  reviews: 0,
  again: 0,
  hard: 0,
  good: 0,
  easy: 0,
  introduced: 0,
  reviewPassed: 0,
  reviewFailed: 0,
  durationMs: 0,
};

export function addTotals(into: BucketTotals, more: BucketTotals): BucketTotals {
  into.reviews += more.reviews;
  into.again += more.again;
  into.hard += more.hard;
  into.good += more.good;
  into.easy += more.easy;
  into.introduced += more.introduced;
  into.reviewPassed += more.reviewPassed;
  into.reviewFailed += more.reviewFailed;
  into.durationMs += more.durationMs;
  return into;
}

/** Buckets (in time order or not) folded into study days; days without a review are absent. */
export function foldIntoDays<B extends BucketTotals & { start: number }>(
  buckets: Iterable<B>,
  counter: DayCounter,
): Map<number, BucketTotals> {
  const days = new Map<number, BucketTotals>();
  for (const bucket of buckets) {
    if (bucket.reviews <= 0) continue;
    const day = counter.dayOf(bucket.start);
    const totals = days.get(day);
    if (totals) addTotals(totals, bucket);
    else days.set(day, addTotals({ ...ZERO_TOTALS }, bucket));
  }
  return days;
}
