import { and, asc, eq, isNull } from 'drizzle-orm';
import { dayCounter, zoneOffsets, type DayCounter } from '../../../src-shared/domain/progress-days';
import { DEFAULT_PRESET } from '../../../src-shared/domain/vocabulary';
import { FSRS6_DECAY } from '../../../src-shared/domain/progress-stats';
import { deckPresets } from '../../../db/schema';
import type { DomainDeps } from '../index';
import { resolveTimeZone } from '../review/study-day';

const DAY_MS = 86_400_000;
const YEAR_MS = 366 * DAY_MS;

/** How the learner's days are counted, and the scheduling goals the screens compare against. */
export interface LearnerDay {
  timeZone: string;
  dayStartHour: number;
  counter: DayCounter;
  today: number;
  desiredRetention: number;
  /** The forgetting curve's decay: the personal FSRS weights' w[20], else FSRS-6's default. */
  decay: number;
}

/**
 * The learner's study day as the rest of Parley counts it: their time zone setting and the day start hour of their
 * first preset (the one new decks get), as the card browser does for a list that spans decks. Reads, never writes.
 */
export function learnerDay(
  deps: Pick<DomainDeps, 'db' | 'settings'>,
  profileId: string,
  now: number,
  /** The instants the caller will ask about: zone offsets are prepared for them (elsewhere they cost more). */
  range: { from: number; to: number } = { from: now - YEAR_MS, to: now + 40 * DAY_MS },
): LearnerDay {
  const preset = deps.db
    .select({
      dayStartHour: deckPresets.dayStartHour,
      desiredRetention: deckPresets.desiredRetention,
      weights: deckPresets.fsrsWeights,
    })
    .from(deckPresets)
    .where(and(eq(deckPresets.profileId, profileId), isNull(deckPresets.deletedAt)))
    .orderBy(asc(deckPresets.id))
    .get();
  const timeZone = resolveTimeZone(deps.settings.get(profileId).timeZone);
  const dayStartHour = preset?.dayStartHour ?? DEFAULT_PRESET.dayStartHour;
  const counter = dayCounter(zoneOffsets(timeZone, range.from, range.to), dayStartHour);
  const weights = preset?.weights;
  return {
    timeZone,
    dayStartHour,
    counter,
    today: counter.dayOf(now),
    desiredRetention: preset?.desiredRetention ?? DEFAULT_PRESET.desiredRetention,
    decay: weights && weights.length >= 21 && weights[20]! > 0 ? weights[20]! : FSRS6_DECAY,
  };
}
