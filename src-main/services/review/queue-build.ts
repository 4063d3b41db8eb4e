import type Database from 'better-sqlite3';
import type { StudyScope } from '../../../src-shared/contract/review';
import { interleave, SessionQueue, type QueuedCard } from './session-queue';
import type { ResolvedScope } from './scope';

const DAY = 86_400_000;
type Custom = StudyScope['custom'];
type CardKind = 'learning' | 'review' | 'new';
/** Which filters a card query carries: the studied decks, the notes with a tag. */
type Filter = { decks: boolean; notes: boolean };

const COLUMNS = 'SELECT id, note_id AS noteId, deck_id AS deckId, state, due FROM cards';
const LIVE =
  'profile_id = @profileId AND deleted_at IS NULL AND suspended = 0 AND (buried_until IS NULL OR buried_until <= @now)';
const FILTERS = {
  decks: ' AND deck_id IN (SELECT value FROM json_each(@decks))',
  notes: ' AND note_id IN (SELECT value FROM json_each(@notes))',
};

const CARD_QUERIES: Record<CardKind, string> = {
  learning: `${COLUMNS} WHERE state IN (1, 3) AND due < @until AND ${LIVE} %FILTER% ORDER BY due`,
  // Most overdue first; the (profile_id, state, due) index gives this order without sorting.
  review: `${COLUMNS} WHERE state = 2 AND due < @until AND ${LIVE} %FILTER% ORDER BY due`,
  // In the order the words were added.
  new: `${COLUMNS} WHERE state = 0 AND ${LIVE} %FILTER% ORDER BY due, position`,
};

const DONE_TODAY = `
  SELECT l.reviewed_at AS at, l.state_before AS stateBefore, c.deck_id AS deckId
  FROM review_logs l JOIN cards c ON c.id = l.card_id AND c.profile_id = l.profile_id
  WHERE l.profile_id = @profileId AND l.reviewed_at >= @since AND l.deleted_at IS NULL AND l.state_before IN (0, 2)`;
// When one root deck holds all the profile's decks (most learners), every log counts for it: no card lookups.
const DONE_TODAY_ONE_ROOT = `
  SELECT l.reviewed_at AS at, l.state_before AS stateBefore, @rootId AS deckId FROM review_logs l
  WHERE l.profile_id = @profileId AND l.reviewed_at >= @since AND l.deleted_at IS NULL AND l.state_before IN (0, 2)`;

// The search index finds the notes whose tags hold the tag's words; the exact check then drops "street_food" for
// "food". A tag made only of symbols has no words to look up, so its notes are found by scanning.
const HAS_TAG = `n.profile_id = @profileId AND n.deleted_at IS NULL AND instr(' ' || n.tags || ' ', @tag) > 0`;
const TAGGED_INDEXED = `SELECT n.id FROM notes_fts f JOIN notes n ON n.id = f.note_id WHERE notes_fts MATCH @match AND ${HAS_TAG}`;
const TAGGED_SCAN = `SELECT n.id FROM notes n WHERE ${HAS_TAG}`;

type Params = { profileId: string; now: number; until?: number; decks?: string; notes?: string };

/** The queue's SQL, prepared once per connection and per filter combination. */
export function createQueueQueries(sqlite: Database.Database) {
  const prepared = new Map<string, Database.Statement>();
  const statement = (kind: CardKind, filter: Filter) => {
    const key = `${kind}/${filter.decks}/${filter.notes}`;
    let stmt = prepared.get(key);
    if (!stmt) {
      const where = (filter.decks ? FILTERS.decks : '') + (filter.notes ? FILTERS.notes : '');
      prepared.set(key, (stmt = sqlite.prepare(CARD_QUERIES[kind].replace('%FILTER%', where))));
    }
    return stmt;
  };
  const doneToday = { byDeck: sqlite.prepare(DONE_TODAY), oneRoot: sqlite.prepare(DONE_TODAY_ONE_ROOT) };
  const tagged = { indexed: sqlite.prepare(TAGGED_INDEXED).pluck(), scan: sqlite.prepare(TAGGED_SCAN).pluck() };
  return {
    cards: (kind: CardKind, filter: Filter, params: Params) =>
      statement(kind, filter).iterate(params) as IterableIterator<QueuedCard>,
    /** Today's first answers of new cards and answers of reviews, with their deck (or `onlyRoot` for all). */
    doneToday: (profileId: string, since: number, onlyRoot: string | null) =>
      (onlyRoot === null
        ? doneToday.byDeck.all({ profileId, since })
        : doneToday.oneRoot.all({ profileId, since, rootId: onlyRoot })) as {
        at: number;
        stateBefore: number;
        deckId: string;
      }[],
    /** The ids of the profile's notes with this tag. */
    taggedNotes(profileId: string, tag: string): string[] {
      const words = tag.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const params = { profileId, tag: ` ${tag} ` };
      if (!words.length) return tagged.scan.all(params) as string[];
      return tagged.indexed.all({ ...params, match: `tags : "${words.join(' ')}"` }) as string[];
    },
  };
}
export type QueueQueries = ReturnType<typeof createQueueQueries>;

interface BuildInput {
  profileId: string;
  scope: ResolvedScope;
  custom: Custom;
  now: number;
}

/**
 * Builds a session's queue: learning cards due today, due reviews and new cards within each top-level deck's daily
 * limits (minus what was already done today), one card per note, new cards spread among the reviews.
 */
export function buildQueue(queries: QueueQueries, input: BuildInput): SessionQueue {
  const { scope, custom } = input;
  if (scope.roots.size === 0) return new SessionQueue([], []);
  const aheadMs = custom?.mode === 'ahead' ? custom.days * DAY : 0;
  const cutoff = (rootId: string) => scope.roots.get(rootId)!.day.end + aheadMs;
  const filter: Filter = { decks: scope.deckIds !== null, notes: custom?.mode === 'tag' };
  const params: Params = {
    profileId: input.profileId,
    now: input.now,
    until: Math.max(...[...scope.roots.keys()].map(cutoff)),
    ...(scope.deckIds ? { decks: JSON.stringify(scope.deckIds) } : {}),
    ...(custom?.mode === 'tag' ? { notes: JSON.stringify(queries.taggedNotes(input.profileId, custom.tag)) } : {}),
  };
  const limits = dailyLimits(queries, input);
  const seenNotes = new Set<string>();
  const take = (kind: CardKind, left: Map<string, number> | null) =>
    takeCards(() => queries.cards(kind, filter, params), {
      scope,
      left,
      seenNotes,
      cutoff: kind === 'new' ? null : cutoff,
    });

  const learning = take('learning', null);
  const reviews = take('review', limits.reviews);
  const news = take('new', limits.news);
  return new SessionQueue(interleave(reviews, news), learning);
}

interface TakeOptions {
  scope: ResolvedScope;
  /** Cards still allowed per root deck; null for no limit. */
  left: Map<string, number> | null;
  seenNotes: Set<string>;
  cutoff: ((rootId: string) => number) | null;
}

/** Walks cards in order, keeping those within their root's limit and cut-off, one per note; stops once all are full. */
function takeCards(
  rows: () => IterableIterator<QueuedCard>,
  { scope, left, seenNotes, cutoff }: TakeOptions,
): QueuedCard[] {
  const taken: QueuedCard[] = [];
  let open = left ? [...left.values()].filter((n) => n > 0).length : Infinity;
  // Not even started when nothing is allowed: an iterator left unfinished would keep the statement busy.
  if (open === 0) return taken;
  for (const card of rows()) {
    const rootId = scope.decks.get(card.deckId)?.rootId;
    if (rootId === undefined || (cutoff && card.due >= cutoff(rootId))) continue;
    if (seenNotes.has(card.noteId) && card.state !== 1 && card.state !== 3) continue;
    const remaining = left ? (left.get(rootId) ?? 0) : Infinity;
    if (remaining <= 0) continue;
    taken.push(card);
    seenNotes.add(card.noteId);
    if (left) {
      left.set(rootId, remaining - 1);
      if (remaining === 1 && --open === 0) break;
    }
  }
  return taken;
}

/** Reviews and new cards each root deck has shown since its study day began. */
function doneToday(queries: QueueQueries, { profileId, scope }: BuildInput) {
  const since = Math.min(...[...scope.roots.values()].map((r) => r.day.start));
  const done = new Map<string, { news: number; reviews: number }>();
  const onlyRoot = scope.roots.size === 1 && scope.holdsEveryDeck ? [...scope.roots.keys()][0]! : null;
  for (const log of queries.doneToday(profileId, since, onlyRoot)) {
    const rootId = scope.decks.get(log.deckId)?.rootId;
    if (rootId === undefined || log.at < scope.roots.get(rootId)!.day.start) continue;
    const tally = done.get(rootId) ?? { news: 0, reviews: 0 };
    if (log.stateBefore === 0) tally.news += 1;
    else tally.reviews += 1;
    done.set(rootId, tally);
  }
  return done;
}

/**
 * How many reviews and new cards each root deck may still show. Normally today's limits minus what today already
 * showed. "Study more" is a session of its own: ahead shows up to a day's worth of reviews and no new cards,
 * extra-new raises today's new limit, a tag session gets a fresh day's worth of both for the tagged words.
 */
function dailyLimits(queries: QueueQueries, input: BuildInput) {
  const { scope, custom } = input;
  const done = doneToday(queries, input);
  const reviews = new Map<string, number>();
  const news = new Map<string, number>();
  for (const [rootId, { preset }] of scope.roots) {
    const today = done.get(rootId) ?? { news: 0, reviews: 0 };
    const fresh = custom?.mode === 'ahead' || custom?.mode === 'tag';
    reviews.set(rootId, fresh ? preset.reviewsPerDay : Math.max(0, preset.reviewsPerDay - today.reviews));
    const newLeft = Math.max(0, preset.newPerDay - today.news) + (custom?.mode === 'extraNew' ? custom.count : 0);
    news.set(rootId, custom?.mode === 'ahead' ? 0 : custom?.mode === 'tag' ? preset.newPerDay : newLeft);
  }
  return { reviews, news };
}
