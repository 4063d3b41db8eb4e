import { zoneOffsetMs } from '../../../src-shared/domain/day';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One answer from the review log, as the optimizer needs it. */
export interface LoggedAnswer {
  cardId: string;
  reviewedAt: number;
  rating: number;
  stateBefore: number;
}

/** An answer as FSRS sees it: the rating, and the study days since the card's previous answer (0 for the first). */
export interface DayReview {
  rating: number;
  deltaT: number;
}

/**
 * Study-day numbers in a time zone with the day starting at `dayStartHour`, as Anki counts FSRS intervals. The
 * zone's offset is looked up once per hour of time seen, so two million answers cost thousands of lookups.
 */
export function studyDayCounter(dayStartHour: number, timeZone: string): (at: number) => number {
  const offsets = new Map<number, number>();
  return (at) => {
    const hour = Math.floor(at / HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) offsets.set(hour, (offset = zoneOffsetMs(timeZone, hour * HOUR)));
    return Math.floor((at + offset - dayStartHour * HOUR) / DAY);
  };
}

/**
 * A card's answers in time order, from the last time it was new: an answer given to a new card starts its
 * history again (a card reset to new has forgotten what came before). A card whose log does not begin with it
 * new (its start was not recorded here) tells FSRS nothing it can use, and is left out.
 */
export function cardHistory(answers: LoggedAnswer[], dayOf: (at: number) => number): DayReview[] {
  const start = answers.map((a) => a.stateBefore).lastIndexOf(0);
  if (start < 0) return [];
  const kept = answers.slice(start).filter((a) => a.rating >= 1 && a.rating <= 4);
  return kept.map((a, i) => ({
    rating: a.rating,
    deltaT: i === 0 ? 0 : Math.max(0, dayOf(a.reviewedAt) - dayOf(kept[i - 1]!.reviewedAt)),
  }));
}

/**
 * The training items FSRS learns from: one per answer after a card's first, each holding the card's answers up to
 * and including it (the binding's FSRSItem).
 */
export function historyItems(history: DayReview[]): DayReview[][] {
  const items: DayReview[][] = [];
  for (let i = 1; i < history.length; i += 1) items.push(history.slice(0, i + 1));
  return items;
}
