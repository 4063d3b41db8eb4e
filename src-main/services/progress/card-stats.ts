import type Database from 'better-sqlite3';
import { MATURE_DAYS } from '../../../src-shared/domain/progress-stats';
import { REVIEW_BUCKET_MS } from '../../../src-shared/domain/progress-days';

/*
 * Card counts as ranges of indexes, never a pass over the card rows (235k cards: ~35 ms instead of ~300 ms). Per
 * deck, the cards_live index (profile, deleted, deck, state, suspended, due, …) counts each state and the cards due
 * in the forecast window; the cards_intervals index (migration 0008) splits review cards into young and mature.
 */
const LIVE = 'c.profile_id = @profileId AND c.deleted_at IS NULL AND c.deck_id = d.value';

const BY_STATE = `
  SELECT
    coalesce(sum((SELECT count(*) FROM cards c WHERE ${LIVE} AND c.state = 0 AND c.suspended = 0)), 0) AS new,
    coalesce(sum((SELECT count(*) FROM cards c WHERE ${LIVE} AND c.state IN (1, 3) AND c.suspended = 0)), 0) AS learning,
    coalesce(sum((SELECT count(*) FROM cards c WHERE ${LIVE} AND c.state = 2 AND c.suspended = 0)), 0) AS review,
    coalesce(sum((SELECT count(*) FROM cards c WHERE ${LIVE} AND c.state IN (0, 1, 2, 3) AND c.suspended = 1)), 0) AS suspended
  FROM json_each(@decks) d`;

/** Young review cards (interval under 21 days), Anki's split; mature ones are the other review cards. */
const YOUNG = `
  SELECT count(*) FROM cards INDEXED BY cards_intervals
  WHERE profile_id = @profileId AND deleted_at IS NULL AND state = 2 AND scheduled_days < ${MATURE_DAYS} AND suspended = 0`;

/** Due cards per 15-minute bucket before `until`; those due before `from` (overdue) all in from's bucket. */
const DUE = `
  SELECT max(c.due, @from) - max(c.due, @from) % ${REVIEW_BUCKET_MS} AS start, count(*) AS count
  FROM json_each(@decks) d CROSS JOIN cards c INDEXED BY cards_live
  WHERE ${LIVE} AND c.state IN (1, 2, 3) AND c.suspended = 0 AND c.due < @until
  GROUP BY start`;

const DECKS = 'SELECT id FROM decks WHERE profile_id = ? AND deleted_at IS NULL';

export interface CardCounts {
  new: number;
  learning: number;
  young: number;
  mature: number;
  suspended: number;
}

export function createCardStats(sqlite: Database.Database) {
  const byState = sqlite.prepare(BY_STATE);
  const young = sqlite.prepare(YOUNG).pluck();
  const due = sqlite.prepare(DUE);
  const deckIds = sqlite.prepare(DECKS).pluck();
  const decksOf = (profileId: string) => JSON.stringify(deckIds.all(profileId));
  return {
    byState(profileId: string): CardCounts {
      const counts = byState.get({ profileId, decks: decksOf(profileId) }) as Omit<CardCounts, 'young' | 'mature'> & {
        review: number;
      };
      const youngCards = young.get({ profileId }) as number;
      return {
        new: counts.new,
        learning: counts.learning,
        young: youngCards,
        mature: Math.max(0, counts.review - youngCards),
        suspended: counts.suspended,
      };
    },
    /** Cards due before `until`, by bucket; those due before `from` (overdue) all in from's bucket. */
    dueBuckets: (profileId: string, from: number, until: number) =>
      due.all({ profileId, decks: decksOf(profileId), from, until }) as { start: number; count: number }[],
  };
}
export type CardStats = ReturnType<typeof createCardStats>;
