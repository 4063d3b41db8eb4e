import Database from 'better-sqlite3';
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import { cardHistory, historyItems, studyDayCounter, type DayReview, type LoggedAnswer } from './review-histories';
import type { Fit, OptimizeOutcome, OptimizeRequest } from './protocol';

/** Below this, FSRS's own fit is mostly its defaults and the comparison means little. */
export const MIN_REVIEWS = 400;

export class NotEnoughReviews extends Error {}

const notEnough = (reviews: number) =>
  new NotEnoughReviews(
    `Not enough reviews yet to personalise the schedule: ${reviews} usable answers were found in the decks with these options, ` +
      `and the optimizer needs at least ${MIN_REVIEWS} across many words. Keep reviewing and try again later.`,
  );

/** Every live card's answers in the preset's decks, card by card in time order (the review_logs_card index order). */
const ANSWERS_SQL = `
  SELECT l.card_id AS cardId, l.reviewed_at AS reviewedAt, l.rating, l.state_before AS stateBefore
  FROM review_logs l INDEXED BY review_logs_card
  WHERE l.card_id IN (
      SELECT c.id FROM cards c WHERE c.profile_id = @profileId AND c.deleted_at IS NULL
        AND c.deck_id IN (SELECT value FROM json_each(@deckIds)))
    AND l.profile_id = @profileId AND l.deleted_at IS NULL
  ORDER BY l.card_id, l.reviewed_at`;

/** Reads the review histories through a read-only connection of the worker's own. */
export function readHistories(request: OptimizeRequest): DayReview[][] {
  const db = new Database(request.databaseFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const dayOf = studyDayCounter(request.dayStartHour, request.timeZone);
    const histories: DayReview[][] = [];
    let card: LoggedAnswer[] = [];
    const flush = () => {
      const history = cardHistory(card, dayOf);
      if (history.length) histories.push(history);
      card = [];
    };
    for (const answer of db
      .prepare(ANSWERS_SQL)
      .iterate({ profileId: request.profileId, deckIds: JSON.stringify(request.deckIds) }) as Iterable<LoggedAnswer>) {
      if (card.length && card[0]!.cardId !== answer.cardId) flush();
      card.push(answer);
    }
    flush();
    return histories;
  } finally {
    db.close();
  }
}

/** The binding's items; each card's review objects are shared by its items, so memory grows with answers, not their square. */
function toBindingItems(histories: DayReview[][]): FSRSBindingItem[] {
  const items: FSRSBindingItem[] = [];
  for (const history of histories) {
    const reviews = history.map((r) => new FSRSBindingReview(r.rating, r.deltaT));
    for (const item of historyItems(history)) items.push(new FSRSBindingItem(reviews.slice(0, item.length)));
  }
  return items;
}

function evaluate(weights: number[], items: FSRSBindingItem[], reviews: number): Fit {
  try {
    const { logLoss, rmseBins } = new FSRSBinding(weights).evaluate(items);
    return { logLoss, rmse: rmseBins };
  } catch (error) {
    if (/NotEnoughData/i.test((error as Error).message)) throw notEnough(reviews);
    throw error;
  }
}

/**
 * Fits personal FSRS weights to the learner's own answers and scores the current and the new weights on the same
 * answers: log loss (how well each answer's recall was predicted) and RMSE over bins.
 */
export async function optimize(
  request: OptimizeRequest,
  progress: (done: number, total: number, phase: string) => void,
): Promise<OptimizeOutcome> {
  progress(0, 1, 'reading');
  const histories = readHistories(request);
  const reviews = histories.reduce((n, h) => n + h.length, 0);
  if (reviews < MIN_REVIEWS) throw notEnough(reviews);
  const items = toBindingItems(histories);
  const current = evaluate(request.currentWeights, items, reviews);
  // The binding reports progress only now and then; say the fit has begun so the bar moves on at once.
  progress(0, 1, 'fitting');
  const weights = await computeParameters(items, {
    enableShortTerm: true,
    numRelearningSteps: request.relearningSteps,
    progress: (done, total) => progress(done, total, 'fitting'),
  });
  progress(1, 1, 'evaluating');
  return { reviews, current, optimized: evaluate(weights, items, reviews), weights };
}
