import type { Dashboard } from '../../../src-shared/contract/progress';
import { dayKey } from '../../../src-shared/domain/progress-days';
import {
  forecastCounts,
  monthOf,
  monthsEndingAt,
  streakOf,
  trueRetention,
} from '../../../src-shared/domain/progress-stats';
import type { CardStats } from './card-stats';
import type { DayTotals } from './day-totals';
import type { LearnerDay } from './learner-day';

export const FORECAST_DAYS = 30;
export const RETENTION_MONTHS = 12;

/** Study days with their totals, by day number. */
export type Days = Map<number, DayTotals>;

/** Study days with a review or a turn with the tutor, each with its first moment, oldest first. */
export function activeDays(days: Days, talkDays: ReadonlyMap<number, number>): Map<number, number> {
  const active = new Map<number, number>();
  for (const [n, totals] of days) active.set(n, totals.firstAt);
  for (const [n, at] of talkDays) active.set(n, Math.min(at, active.get(n) ?? Infinity));
  return new Map([...active].sort((a, b) => a[0] - b[0]));
}

/** The streak counts days with at least one review or one turn with the tutor. */
export function streakPart(active: ReadonlyMap<number, number>, day: LearnerDay): Dashboard['streak'] {
  return streakOf([...active.keys()], day.today);
}

export function timePart(days: Days, day: LearnerDay): Dashboard['time'] {
  const time = { todayMs: 0, last7Ms: 0, last30Ms: 0, totalMs: 0 };
  for (const [n, totals] of days) {
    const ago = day.today - n;
    time.totalMs += totals.durationMs;
    if (ago === 0) time.todayMs += totals.durationMs;
    if (ago >= 0 && ago < 7) time.last7Ms += totals.durationMs;
    if (ago >= 0 && ago < 30) time.last30Ms += totals.durationMs;
  }
  return time;
}

/** True retention for each of the last twelve months (by the learner's study days), against the desired one. */
export function retentionPart(days: Days, day: LearnerDay): Dashboard['retention'] {
  const months = monthsEndingAt(dayKey(day.today), RETENTION_MONTHS);
  const tally = new Map(months.map((m) => [m, { passed: 0, failed: 0 }]));
  for (const [n, totals] of days) {
    const month = tally.get(monthOf(dayKey(n)));
    if (!month) continue;
    month.passed += totals.reviewPassed;
    month.failed += totals.reviewFailed;
  }
  return {
    desired: day.desiredRetention,
    months: months.map((month) => {
      const { passed, failed } = tally.get(month)!;
      return { month, passed, failed, retention: trueRetention(passed, failed) };
    }),
  };
}

/** Cards due on each of the next 30 study days; today holds the overdue ones too. */
export function forecastPart(stats: CardStats, profileId: string, day: LearnerDay): Dashboard['forecast'] {
  const from = day.counter.startOf(day.today);
  const until = day.counter.startOf(day.today + FORECAST_DAYS);
  const due = stats
    .dueBuckets(profileId, from, until)
    .map((b) => ({ day: day.counter.dayOf(b.start), count: b.count }));
  return forecastCounts(due, day.today, FORECAST_DAYS).map((count, i) => ({ date: dayKey(day.today + i), due: count }));
}
