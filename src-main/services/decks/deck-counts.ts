import type Database from 'better-sqlite3';
import type { Deck } from '../../../src-shared/domain/vocabulary';
import type { DeckTree, TreeDeck } from './deck-tree';
import type { StudyDay } from '../review/study-day';

type DeckCounts = Deck['counts'];

/** What one deck holds itself, before its subdecks are added. */
interface OwnCounts {
  fresh: number;
  learning: number;
  review: number;
  total: number;
  suspended: number;
  /** New cards first answered today, and review cards answered today: they use up the daily limits. */
  introduced: number;
  reviewed: number;
}

export interface CountedDeck extends TreeDeck {
  newPerDay: number;
  reviewsPerDay: number;
  day: StudyDay;
}

const ZERO: OwnCounts = { fresh: 0, learning: 0, review: 0, total: 0, suspended: 0, introduced: 0, reviewed: 0 };

/** The highest daily limits a preset allows: counting further could never change what the list shows. */
const NEW_CAP = 9999;
const REVIEW_CAP = 99_999;

const LIVE = `c.profile_id = @profileId AND c.deleted_at IS NULL AND c.deck_id = d.key`;
const AVAILABLE = `c.suspended = 0 AND coalesce(c.buried_until, 0) <= @now`;

/*
 * One row per deck, each count a range of the cards_live index (never the wide card rows): about 30 ms for a deck
 * of 200k cards, nearly all of it the total. New and review cards are counted only up to the largest possible limit.
 */
export const CARDS_SQL = `
  SELECT d.key AS deckId,
    (SELECT count(*) FROM (SELECT 1 FROM cards c WHERE ${LIVE} AND c.state = 0 AND ${AVAILABLE} LIMIT ${NEW_CAP})) AS fresh,
    (SELECT count(*) FROM cards c WHERE ${LIVE} AND c.state IN (1, 3) AND ${AVAILABLE} AND c.due < d.value) AS learning,
    (SELECT count(*) FROM (SELECT 1 FROM cards c WHERE ${LIVE} AND c.state = 2 AND ${AVAILABLE} AND c.due < d.value LIMIT ${REVIEW_CAP})) AS review,
    (SELECT count(*) FROM cards c WHERE ${LIVE}) AS total,
    (SELECT count(*) FROM cards c WHERE ${LIVE} AND c.state IN (0, 1, 2, 3) AND c.suspended = 1) AS suspended
  FROM json_each(@dayEnds) d`;

/** Today's answers, from the review log's time index; each deck's own day start decides what "today" is. */
export const TODAY_SQL = `
  SELECT c.deck_id AS deckId, sum(l.state_before = 0) AS introduced, sum(l.state_before = 2) AS reviewed
  FROM review_logs l CROSS JOIN cards c CROSS JOIN json_each(@dayStarts) d
  WHERE l.profile_id = @profileId AND l.reviewed_at >= @since AND l.deleted_at IS NULL
    AND c.id = l.card_id AND d.key = c.deck_id AND l.reviewed_at >= d.value
  GROUP BY c.deck_id`;

function ownCounts(
  sqlite: Database.Database,
  profileId: string,
  decks: CountedDeck[],
  now: number,
): Map<string, OwnCounts> {
  const own = new Map<string, OwnCounts>(decks.map((d) => [d.id, { ...ZERO }]));
  if (!decks.length) return own;
  const dayEnds = JSON.stringify(Object.fromEntries(decks.map((d) => [d.id, d.day.end])));
  const dayStarts = JSON.stringify(Object.fromEntries(decks.map((d) => [d.id, d.day.start])));
  const since = Math.min(...decks.map((d) => d.day.start));
  for (const row of sqlite.prepare(CARDS_SQL).all({ profileId, now, dayEnds }) as ({ deckId: string } & OwnCounts)[]) {
    Object.assign(own.get(row.deckId)!, {
      fresh: row.fresh,
      learning: row.learning,
      review: row.review,
      total: row.total,
      suspended: row.suspended,
    });
  }
  for (const row of sqlite.prepare(TODAY_SQL).all({ profileId, since, dayStarts }) as {
    deckId: string;
    introduced: number;
    reviewed: number;
  }[]) {
    Object.assign(own.get(row.deckId)!, { introduced: row.introduced, reviewed: row.reviewed });
  }
  return own;
}

/**
 * Counts as the deck list shows them. A parent includes its subdecks; as in Anki, each deck's daily limits cap what
 * its whole subtree offers today, after what was already studied in that subtree today.
 */
export function countDecks(
  sqlite: Database.Database,
  profileId: string,
  tree: DeckTree<CountedDeck>,
  decks: CountedDeck[],
  now: number,
): Map<string, DeckCounts> {
  const own = ownCounts(sqlite, profileId, decks, now);
  const counted = new Map<string, DeckCounts>();
  const subtreeUse = new Map<string, { introduced: number; reviewed: number }>();

  const visit = (deck: CountedDeck): DeckCounts => {
    const mine = own.get(deck.id) ?? ZERO;
    const sum = {
      new: mine.fresh,
      learning: mine.learning,
      review: mine.review,
      total: mine.total,
      suspended: mine.suspended,
    };
    const used = { introduced: mine.introduced, reviewed: mine.reviewed };
    for (const child of tree.childrenOf(deck.id)) {
      if (!own.has(child.id)) continue;
      const c = visit(child);
      sum.new += c.new;
      sum.learning += c.learning;
      sum.review += c.review;
      sum.total += c.total;
      sum.suspended += c.suspended;
      const childUse = subtreeUse.get(child.id)!;
      used.introduced += childUse.introduced;
      used.reviewed += childUse.reviewed;
    }
    subtreeUse.set(deck.id, used);
    sum.new = Math.min(sum.new, Math.max(0, deck.newPerDay - used.introduced));
    sum.review = Math.min(sum.review, Math.max(0, deck.reviewsPerDay - used.reviewed));
    counted.set(deck.id, sum);
    return sum;
  };
  // Start from the decks whose parent is not being counted; `decks` holds whole subtrees.
  for (const deck of decks) if (!own.has(tree.parentOf(deck.id) ?? '')) visit(deck);
  return counted;
}
