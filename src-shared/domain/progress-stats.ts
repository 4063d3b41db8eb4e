/** Pure figures for the progress screens: streaks, retention, forecast, the words-known estimate. */

export interface Streak {
  /** Consecutive study days with activity up to today, or up to yesterday while today is still open. */
  current: number;
  longest: number;
  activeToday: boolean;
}

/**
 * Streaks over the active days (a review or a turn with the tutor; `activeDays` ascending, no repeats). A streak that
 * reached yesterday is still alive today: the learner has until the end of their study day to keep it.
 */
export function streakOf(activeDays: readonly number[], today: number): Streak {
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const day of activeDays) {
    if (day > today) break;
    run = day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const activeToday = previous === today;
  const current = previous === today || previous === today - 1 ? run : 0;
  return { current, longest, activeToday };
}

/** The first day on which a run of `length` consecutive active days was completed, or null. */
export function dayStreakReached(activeDays: readonly number[], length: number): number | null {
  let run = 0;
  let previous = Number.NaN;
  for (const day of activeDays) {
    run = day === previous + 1 ? run + 1 : 1;
    if (run >= length) return day;
    previous = day;
  }
  return null;
}

/**
 * True retention (as Anki's add-on of that name and its statistics screen count it): of the answers given to cards
 * in review state, the share that was not "again". Learning steps do not count: they test seconds-old memories.
 * Null when there were no such answers.
 */
export function trueRetention(passed: number, failed: number): number | null {
  const total = passed + failed;
  return total > 0 ? passed / total : null;
}

/** "2026-03" of a "2026-03-29" day key. */
export const monthOf = (dayKey: string) => dayKey.slice(0, 7);

/** The `count` months ending with the one holding `dayKey`, oldest first ("2025-04" … "2026-03"). */
export function monthsEndingAt(dayKey: string, count: number): string[] {
  const [year, month] = [Number(dayKey.slice(0, 4)), Number(dayKey.slice(5, 7))];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/**
 * Cards due on each of the next `days` study days: overdue cards count on day 0 (today), as they will be shown
 * today. `dueDays` is one study-day number per due card (or per group of cards with `count`).
 */
export function forecastCounts(due: Iterable<{ day: number; count: number }>, today: number, days: number): number[] {
  const counts = new Array<number>(days).fill(0);
  for (const { day, count } of due) {
    const index = Math.max(0, day - today);
    if (index < days) counts[index]! += count;
  }
  return counts;
}

/** FSRS-6's default decay (w[20]); a personal set of weights brings its own. */
export const FSRS6_DECAY = 0.1542;

/**
 * FSRS's forgetting curve: the chance of recalling a memory of stability `stability` days after `elapsedDays`.
 * R(t, S) = (1 + F·t/S)^(−decay), with F = 0.9^(−1/decay) − 1 so that R(S, S) = 90 %.
 */
export function retrievability(elapsedDays: number, stability: number, decay = FSRS6_DECAY): number {
  if (stability <= 0) return 0;
  const factor = Math.pow(0.9, -1 / decay) - 1;
  return Math.pow(1 + (factor * Math.max(0, elapsedDays)) / stability, -decay);
}

/** Young or mature, as Anki splits review cards: by whether the current interval reached 21 days. */
export const MATURE_DAYS = 21;
