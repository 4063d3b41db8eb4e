import type Database from 'better-sqlite3';
import { DAY_MS } from '../../../src-shared/domain/progress-days';
import type { DayTotals, DayTotalsReader } from './day-totals';
import type { LearnerDay } from './learner-day';

/** Days before this many days ago come from the in-memory copy; the last ones are read every time. */
const RECENT_DAYS = 3;

interface OldDays {
  /** Time zone, day start hour and the first recent day: a change of any of them means new old days. */
  key: string;
  oldEdits: number;
  days: DayTotals[];
}

/**
 * A profile's study days since its first review. Summing a long history (two years of busy study: 70,000 buckets)
 * takes ~100 ms, so the days before the last three are kept in memory and only the recent ones are read each time.
 * The copy is trusted while progress_marks says no review older than its cut-off changed since (triggers on the
 * review log count every such change, whoever writes: an imported history, a sync, a deleted profile's rows).
 */
export function createHistory(sqlite: Database.Database, dayTotals: DayTotalsReader) {
  const firstBucket = sqlite
    .prepare('SELECT min(bucket_start) FROM review_buckets WHERE profile_id = ? AND reviews > 0')
    .pluck();
  const readMark = sqlite.prepare(
    'SELECT old_before AS oldBefore, old_edits AS oldEdits FROM progress_marks WHERE profile_id = ?',
  );
  const writeMark = sqlite.prepare(
    `INSERT INTO progress_marks (profile_id, old_before, old_edits) VALUES (?, ?, 0)
     ON CONFLICT (profile_id) DO UPDATE SET old_before = excluded.old_before`,
  );
  const copies = new Map<string, OldDays>();

  const oldDays = (profileId: string, day: LearnerDay, cutoff: number, key: string): DayTotals[] => {
    const mark = readMark.get(profileId) as { oldBefore: number; oldEdits: number } | undefined;
    const copy = copies.get(profileId);
    if (copy && copy.key === key && mark?.oldBefore === cutoff && mark.oldEdits === copy.oldEdits) return copy.days;
    // The mark first: a change made while the days are summed then shows up as a newer count next time.
    writeMark.run(profileId, cutoff);
    const oldEdits = (readMark.get(profileId) as { oldEdits: number }).oldEdits;
    const from = (firstBucket.get(profileId) as number | null) ?? cutoff;
    const days = from < cutoff ? dayTotals.full(profileId, day.counter, from, cutoff) : [];
    copies.set(profileId, { key, oldEdits, days });
    return days;
  };

  return {
    /** The instant of the profile's first review, or null: where the learner's day counter must reach back to. */
    firstReviewAt: (profileId: string) => firstBucket.get(profileId) as number | null,
    /** Every study day with a review up to now, oldest first. */
    days(profileId: string, day: LearnerDay, now: number): DayTotals[] {
      const cutoffDay = day.today - RECENT_DAYS;
      const cutoff = day.counter.startOf(cutoffDay);
      const key = `${day.timeZone}|${day.dayStartHour}|${cutoffDay}`;
      const old = oldDays(profileId, day, cutoff, key);
      return [...old, ...dayTotals.full(profileId, day.counter, cutoff, now + DAY_MS)];
    },
  };
}
export type History = ReturnType<typeof createHistory>;
