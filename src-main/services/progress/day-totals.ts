import type Database from 'better-sqlite3';
import { DAY_MS, HOUR_MS, type BucketTotals, type DayCounter } from '../../../src-shared/domain/progress-days';

/** A study day's totals and the start of its first bucket with a review (when that day's activity began). */
export interface DayTotals extends BucketTotals {
  day: number;
  firstAt: number;
}

/**
 * The learner's study day of a bucket, as SQL: the bucket's time plus the zone's offset then (a CASE over the few
 * daylight-saving segments of the range), minus the day start hour, in whole days. Every number in it was computed
 * here, none comes from input. It matches DayCounter.dayOf for instants inside the counter's range.
 */
export function studyDaySql(counter: DayCounter, column = 'bucket_start'): string {
  const segments = counter.offsets.segments;
  const shift = counter.dayStartHour * HOUR_MS;
  const cases = segments
    .slice(1)
    .reverse()
    .map((s) => `WHEN ${column} >= ${Math.trunc(s.from)} THEN ${Math.trunc(s.offset)}`)
    .join(' ');
  const offset = cases
    ? `CASE ${cases} ELSE ${Math.trunc(segments[0]!.offset)} END`
    : `${Math.trunc(segments[0]!.offset)}`;
  // Integer division truncates toward zero: shift by a whole number of days first so the sum is never negative.
  const bias = 100_000;
  return `((${column} + ${offset} - ${shift} + ${bias * DAY_MS}) / ${DAY_MS} - ${bias})`;
}

const TOTALS = `sum(reviews) AS reviews, sum(again) AS again, sum(hard) AS hard, sum(good) AS good, sum(easy) AS easy,
  sum(introduced) AS introduced, sum(review_passed) AS reviewPassed, sum(review_failed) AS reviewFailed,
  sum(duration_ms) AS durationMs, min(bucket_start) AS firstAt`;

/**
 * Review totals per study day between two instants, summed inside SQLite: a range of the buckets' primary key
 * (35,000 rows for a busy year) comes back as one row per day. Statements are kept per day-boundary shape.
 */
export function createDayTotals(sqlite: Database.Database) {
  const prepared = new Map<string, Database.Statement>();
  const statementFor = (counter: DayCounter) => {
    const day = studyDaySql(counter);
    let statement = prepared.get(day);
    if (!statement) {
      if (prepared.size > 32) prepared.clear();
      statement = sqlite.prepare(
        `SELECT ${day} AS day, ${TOTALS} FROM review_buckets
         WHERE profile_id = @profileId AND bucket_start >= @from AND bucket_start < @to AND reviews > 0
         GROUP BY 1 ORDER BY 1`,
      );
      prepared.set(day, statement);
    }
    return statement;
  };
  return {
    full: (profileId: string, counter: DayCounter, from: number, to: number): DayTotals[] =>
      statementFor(counter).all({ profileId, from, to }) as DayTotals[],
  };
}
export type DayTotalsReader = ReturnType<typeof createDayTotals>;
