import { dayFromKey, dayKey, DAY_MS } from '../../../src-shared/domain/progress-days';
import type { DomainDeps } from '../index';
import type { History } from './history';
import { learnerDay } from './learner-day';

/**
 * Reviews per study day for a calendar year, or for the 365 days ending today, from the profile's study days
 * (older ones kept in memory, the last few read each time: see history.ts).
 */
export function heatmap(
  deps: Pick<DomainDeps, 'db' | 'settings'>,
  history: History,
  profileId: string,
  now: number,
  year: number | undefined,
) {
  const firstReviewAt = history.firstReviewAt(profileId);
  const wanted =
    year === undefined
      ? { from: now - 367 * DAY_MS, to: now + DAY_MS }
      : { from: Date.UTC(year, 0, 1) - 2 * DAY_MS, to: Date.UTC(year + 1, 0, 1) + 2 * DAY_MS };
  const day = learnerDay(deps, profileId, now, {
    from: Math.min(wanted.from, firstReviewAt ?? now),
    to: Math.max(wanted.to, now + DAY_MS),
  });
  const from = year === undefined ? day.today - 364 : dayFromKey(`${year}-01-01`);
  const to = year === undefined ? day.today : dayFromKey(`${year}-12-31`);
  return {
    from: dayKey(from),
    to: dayKey(to),
    today: dayKey(day.today),
    years: yearsSince(firstReviewAt, dayKey(day.today)),
    days: history
      .days(profileId, day, now)
      .filter((t) => t.day >= from && t.day <= to)
      .map((t) => ({ date: dayKey(t.day), reviews: t.reviews, durationMs: t.durationMs })),
  };
}

/** The calendar years from the first review's to today's. */
function yearsSince(firstReviewAt: number | null, today: string): number[] {
  if (firstReviewAt === null) return [];
  const last = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let year = Math.min(new Date(firstReviewAt).getUTCFullYear(), last); year <= last; year += 1) years.push(year);
  return years;
}
