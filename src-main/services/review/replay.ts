import type { Grade } from 'ts-fsrs';
import {
  fromFsrsCard,
  NEW_CARD_FIELDS,
  schedulerFor,
  toFsrsCard,
  type FsrsFields,
  type SchedulingOptions,
} from './scheduler';

/** What replay needs of a review-log row. */
export interface LoggedAnswer {
  id?: string;
  reviewedAt: number;
  rating: number;
}

const byTime = (a: LoggedAnswer, b: LoggedAnswer) =>
  a.reviewedAt - b.reviewedAt || (a.id ?? '').localeCompare(b.id ?? '');

/**
 * A card's FSRS state rebuilt from its review log alone: every answer applied through ts-fsrs in time order,
 * starting from a new card. The stored state is a cache of exactly this (fuzz included: ts-fsrs seeds it from the
 * review time and the card's state), which is what lets sync merge two devices' answers to the same card by
 * replaying the union of their logs. `newDue` is the card's due time while it is still new.
 */
export function replayCard(logs: readonly LoggedAnswer[], preset: SchedulingOptions, newDue = 0): FsrsFields {
  const scheduler = schedulerFor(preset);
  let fields: FsrsFields = { ...NEW_CARD_FIELDS, due: newDue };
  for (const log of [...logs].sort(byTime)) {
    if (log.rating < 1 || log.rating > 4) throw new Error(`A review log holds an invalid rating: ${log.rating}`);
    fields = fromFsrsCard(scheduler.next(toFsrsCard(fields), new Date(log.reviewedAt), log.rating as Grade).card);
  }
  return fields;
}
