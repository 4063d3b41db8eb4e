import type { AchievementFacts } from '../../../src-shared/domain/achievements';
import { dayStreakReached } from '../../../src-shared/domain/progress-stats';
import type { Days } from './dashboard';
import type { DayTotals } from './day-totals';

/** When a running total over the days (oldest first) reached `goal`: the start of that day's first session. */
function reachedAt(days: DayTotals[], goal: number, value: (d: DayTotals) => number): number | null {
  let total = 0;
  for (const day of days) {
    total += value(day);
    if (total >= goal) return day.firstAt;
  }
  return null;
}

export interface FactInputs {
  now: number;
  days: Days;
  /** Study days with a review or a turn with the tutor, oldest first, each with its first moment. */
  active: ReadonlyMap<number, number>;
  firstDeckAt: number | null;
  wordsKnown: number;
  matureCards: number;
  /** The tutor's and voice practice's facts (see conversation-facts.ts). */
  conversation: Pick<
    AchievementFacts,
    'firstConversationAt' | 'scenariosCompletedAt' | 'correctionsReachedAt' | 'firstVoiceAt' | 'spokenReachedAt'
  >;
}

/** What the achievement rules need, dated from the data itself (to the 15 minutes) wherever the data can say when. */
export function achievementFacts(input: FactInputs): AchievementFacts {
  const ordered = [...input.days.values()].sort((a, b) => a.day - b.day);
  const activeDays = [...input.active.keys()];
  return {
    now: input.now,
    firstDeckAt: input.firstDeckAt,
    reviewsReachedAt: (n) => reachedAt(ordered, n, (d) => d.reviews),
    streakReachedAt(n) {
      const day = dayStreakReached(activeDays, n);
      return day === null ? null : input.active.get(day)!;
    },
    wordsKnown: input.wordsKnown,
    matureCards: input.matureCards,
    perfectDayAt: (min) => ordered.find((d) => d.reviews >= min && d.again === 0)?.firstAt ?? null,
    studiedReachedAt: (ms) => reachedAt(ordered, ms, (d) => d.durationMs),
    ...input.conversation,
  };
}
