/**
 * Achievements: what each one asks for, and which unlock given the facts the progress service gathers. Pure, so the
 * rules are tested without a database; the service stores each unlock once and announces it once.
 */

/** Where an achievement's data comes from; voice ones are unavailable on an installation without voice practice. */
export type AchievementSource = 'vocabulary' | 'tutor' | 'voice';

export interface AchievementDefinition {
  key: string;
  source: AchievementSource;
  /** The number to reach, shown with the description ("7-day streak"); 1 for a first time. */
  goal: number;
}

const define = <K extends string>(key: K, source: AchievementSource, goal = 1) => ({ key, source, goal });

export const ACHIEVEMENTS = [
  define('firstDeck', 'vocabulary'),
  define('firstReview', 'vocabulary'),
  define('reviews1000', 'vocabulary', 1_000),
  define('reviews10000', 'vocabulary', 10_000),
  define('streak7', 'vocabulary', 7),
  define('streak30', 'vocabulary', 30),
  define('streak100', 'vocabulary', 100),
  define('streak365', 'vocabulary', 365),
  define('words100', 'vocabulary', 100),
  define('words1000', 'vocabulary', 1_000),
  define('words5000', 'vocabulary', 5_000),
  define('mature100', 'vocabulary', 100),
  define('perfectDay', 'vocabulary', 20),
  define('hours10', 'vocabulary', 10),
  define('firstConversation', 'tutor'),
  define('scenarios10', 'tutor', 10),
  define('corrections100', 'tutor', 100),
  define('firstVoiceSession', 'voice'),
  define('speaking60', 'voice', 60),
] as const satisfies readonly AchievementDefinition[];

export type AchievementKey = (typeof ACHIEVEMENTS)[number]['key'];
export const ACHIEVEMENT_KEYS = ACHIEVEMENTS.map((a) => a.key) as AchievementKey[];

/** A moment found in the data: a bucket, a day start or a row's time. */
type When = number | null;

/**
 * What the service knows about a profile, each as the moment a threshold was first reached (null: not yet).
 * Reaching a count is dated by the data (the 15-minute bucket of the 1,000th review, the study day a streak reached
 * 7), so the date does not depend on when the learner happened to open the progress screen.
 */
export interface AchievementFacts {
  now: number;
  firstDeckAt: When;
  /** Moment the cumulative review count reached n. */
  reviewsReachedAt: (n: number) => When;
  /** Moment (start of the study day) a streak of n days was completed. */
  streakReachedAt: (n: number) => When;
  wordsKnown: number;
  matureCards: number;
  /** First study day with at least `goal` answers and not one "again". */
  perfectDayAt: (minReviews: number) => When;
  /** Moment the cumulative time studied reached n ms. */
  studiedReachedAt: (ms: number) => When;
  /** The learner's first message to the tutor (in a conversation not deleted). */
  firstConversationAt: () => When;
  /** Moment the goal of the n-th different scenario was first reached. */
  scenariosCompletedAt: (n: number) => When;
  /** Moment the n-th correction of the learner's messages was made. */
  correctionsReachedAt: (n: number) => When;
  /** The first spoken turn with audio; null also where there is no voice practice. */
  firstVoiceAt: () => When;
  /** Moment the time spoken in voice turns reached n ms. */
  spokenReachedAt: (ms: number) => When;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

function unlockTime(definition: AchievementDefinition, facts: AchievementFacts): When {
  const { key, goal } = definition;
  if (key === 'firstDeck') return facts.firstDeckAt;
  if (key === 'firstReview' || key.startsWith('reviews')) return facts.reviewsReachedAt(goal);
  if (key.startsWith('streak')) return facts.streakReachedAt(goal);
  // Words known and mature cards go up and down; they are dated when first seen at their goal.
  if (key.startsWith('words')) return facts.wordsKnown >= goal ? facts.now : null;
  if (key === 'mature100') return facts.matureCards >= goal ? facts.now : null;
  if (key === 'perfectDay') return facts.perfectDayAt(goal);
  if (key === 'hours10') return facts.studiedReachedAt(goal * HOUR);
  if (key === 'firstConversation') return facts.firstConversationAt();
  if (key === 'scenarios10') return facts.scenariosCompletedAt(goal);
  if (key === 'corrections100') return facts.correctionsReachedAt(goal);
  if (key === 'firstVoiceSession') return facts.firstVoiceAt();
  if (key === 'speaking60') return facts.spokenReachedAt(goal * MINUTE);
  return null;
}

/**
 * The achievements the facts unlock, each with its moment (never later than now). Those in `known` (already stored)
 * are not asked about again: their facts may cost a query.
 */
export function unlockedAchievements(
  facts: AchievementFacts,
  known: ReadonlySet<string> = new Set(),
): Map<AchievementKey, number> {
  const unlocked = new Map<AchievementKey, number>();
  for (const definition of ACHIEVEMENTS) {
    if (known.has(definition.key)) continue;
    const at = unlockTime(definition, facts);
    if (at !== null) unlocked.set(definition.key, Math.min(at, facts.now));
  }
  return unlocked;
}
