import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { browseRow, browseSearch } from '../../../src-shared/contract/browse';
import type { CardKind } from '../../../src-shared/domain/vocabulary';
import { tagsFromText } from '../notes/notes-service';
import { ftsMatch, ftsTag, ftsWords, hasToken } from './fts-query';

export type SearchInput = z.output<typeof browseSearch.input>;
type BrowseRow = z.infer<typeof browseRow>;

export interface SearchScope {
  profileId: string;
  /** The chosen deck and its subdecks, or null for all decks. */
  deckIds: string[] | null;
  day: { start: number; end: number };
  deckName(deckId: string): string;
}

/** States as the card has them; suspension is a filter of its own. */
const STATE_FILTERS: Record<NonNullable<SearchInput['state']>, string> = {
  new: 'c.state = 0',
  learning: 'c.state IN (1, 3)',
  review: 'c.state = 2',
  suspended: 'c.state IN (0, 1, 2, 3) AND c.suspended = 1',
};

const DUE_FILTERS: Record<NonNullable<SearchInput['due']>, string> = {
  today: 'c.state IN (1, 2, 3) AND c.suspended = 0 AND c.due < @dayEnd',
  overdue: 'c.state IN (1, 2, 3) AND c.suspended = 0 AND c.due < @dayStart',
};

/** New cards have no due date worth sorting by: they go after the rest, in the order they will be introduced. */
const SORTS: Record<SearchInput['sort'], (dir: string) => string> = {
  created: (dir) => `c.created_at ${dir}, c.position ${dir}`,
  due: (dir) => `c.state = 0, c.due ${dir}, c.position`,
  term: (dir) => `parley_fold(n.term) ${dir}, n.term ${dir}, c.position`,
  lapses: (dir) => `c.lapses ${dir}, c.position`,
};

/**
 * The index each search reads cards through, named because SQLite without statistics guesses wrong on a big
 * profile: it would walk every card in sort order and ask the FTS index about each, or read 200k wide card rows
 * where an index holds all it needs. FTS hits find their cards by note. With no text, cards_created serves the
 * plain list by creation without sorting it; across all decks, the few cards due or in learning are found by
 * state and due date in cards_queue; otherwise cards_live covers every filter and sort but the term (the page asks
 * for rowids, so the index alone answers).
 */
function cardIndex(input: SearchInput, match: string | null, where: string[], allDecks: boolean): string {
  if (match) return 'INDEXED BY cards_note';
  if (where.length === 2 && input.sort === 'created') return 'INDEXED BY cards_created';
  if (allDecks && (input.due !== null || input.state === 'learning')) return 'INDEXED BY cards_queue';
  return 'INDEXED BY cards_live';
}

export interface SearchStatements {
  count: string;
  /** The page's card rowids; with text, each row also carries the total (one pass over the hits, not two). */
  page: string;
  params: Record<string, unknown>;
}

/** The search's conditions on the FTS row (with text) and the card. */
function conditions(input: SearchInput, scope: Omit<SearchScope, 'deckName'>, match: string | null): string[] {
  const where = ['c.profile_id = @profileId', 'c.deleted_at IS NULL'];
  if (match) where.unshift('f.notes_fts MATCH @match', 'f.profile_id = @profileId');
  if (scope.deckIds) where.push('c.deck_id IN (SELECT value FROM json_each(@deckIds))');
  if (input.state) where.push(STATE_FILTERS[input.state]);
  if (input.due) where.push(DUE_FILTERS[input.due]);
  if (input.minLapses !== null) where.push('c.lapses >= @minLapses');
  // The FTS index narrows to notes with the tag's words; the tags text says whether the note has that exact tag
  // ("verb" is a word of "phrasal_verb" too). With text the FTS row holds that text, so the note is not read.
  if (input.tag !== null) where.push(`instr(' ' || ${match ? 'f' : 'n'}.tags || ' ', ' ' || @tag || ' ') > 0`);
  return where;
}

/**
 * The search as two statements: how many cards match, and which cards make the page. Cards of a deleted note are
 * tombstoned with it, so live cards are all that is checked.
 */
export function buildSearch(input: SearchInput, scope: Omit<SearchScope, 'deckName'>): SearchStatements {
  const tagMatch = input.tag !== null && hasToken(input.tag) ? [ftsTag(input.tag)] : [];
  const match = ftsMatch([...ftsWords(input.query), ...tagMatch]);
  const where = conditions(input, scope, match);
  const tagNeedsNote = input.tag !== null && !match;
  const index = cardIndex(input, match, where, !scope.deckIds);
  // The tables read, with the note when its term or tags are needed. Without text that means notes first: reading
  // 100k notes beats looking one up for each of 200k cards.
  const from = (note: boolean) => {
    if (match)
      return `notes_fts f CROSS JOIN cards c ${index} ON c.note_id = f.note_id${note ? ' CROSS JOIN notes n ON n.id = c.note_id' : ''}`;
    if (note) return 'notes n CROSS JOIN cards c INDEXED BY cards_note ON c.note_id = n.id';
    return `cards c ${index}`;
  };
  const filters = (note: boolean) =>
    [...where, ...(note && !match ? ['n.profile_id = @profileId', 'n.deleted_at IS NULL'] : [])].join(' AND ');
  const order = SORTS[input.sort](input.descending ? 'DESC' : 'ASC');
  const pageNote = tagNeedsNote || input.sort === 'term';
  return {
    count: `SELECT count(*) FROM ${from(tagNeedsNote)} WHERE ${filters(tagNeedsNote)}`,
    page: `SELECT c.rowid AS rowid, ${match ? 'count(*) OVER ()' : 'NULL'} AS total FROM ${from(pageNote)}
      WHERE ${filters(pageNote)} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    params: {
      profileId: scope.profileId,
      match,
      deckIds: scope.deckIds ? JSON.stringify(scope.deckIds) : null,
      dayStart: scope.day.start,
      dayEnd: scope.day.end,
      minLapses: input.minLapses,
      tag: input.tag,
      limit: input.limit,
      offset: input.offset,
    },
  };
}

/** The page's rows, looked up by rowid (json_each drives: SQLite would otherwise start from the profile's cards). */
export const DETAILS_SQL = `
  SELECT c.rowid, c.id AS cardId, c.note_id AS noteId, c.deck_id AS deckId, c.kind, n.term, n.translation, n.tags, c.state,
    c.suspended, c.due, c.lapses, c.reps, c.created_at AS createdAt
  FROM json_each(@rowids) p CROSS JOIN cards c ON c.rowid = p.value CROSS JOIN notes n ON n.id = c.note_id
  WHERE c.profile_id = @profileId`;

type Raw = Omit<BrowseRow, 'tags' | 'suspended' | 'deckName'> & { tags: string; suspended: number; rowid: number };

/** A sort key that ignores case and accents, so "árbol" sorts beside "arbre" and not after "zorro". */
export function registerFold(sqlite: Database.Database): void {
  sqlite.function('parley_fold', { deterministic: true }, (text) =>
    String(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
  );
}

/** One page of cards matching the search (one row per card), with how many match in all. */
export function runSearch(
  sqlite: Database.Database,
  input: SearchInput,
  scope: SearchScope,
): { total: number; rows: BrowseRow[] } {
  const { count, page, params } = buildSearch(input, scope);
  const hits = sqlite.prepare(page).all(params) as { rowid: number; total: number | null }[];
  const rowids = hits.map((h) => h.rowid);
  // A short page is the last one and says the total itself; otherwise the window count has it, or a count does.
  const last = rowids.length < input.limit && (rowids.length > 0 || input.offset === 0);
  const total = last
    ? input.offset + rowids.length
    : (hits[0]?.total ?? (sqlite.prepare(count).pluck().get(params) as number));
  const details = new Map(
    (sqlite.prepare(DETAILS_SQL).all({ rowids: JSON.stringify(rowids), profileId: scope.profileId }) as Raw[]).map(
      (r) => [r.rowid, r],
    ),
  );
  const rows = rowids.flatMap((rowid) => {
    const found = details.get(rowid);
    if (!found) return [];
    const { rowid: _rowid, ...r } = found;
    return [
      {
        ...r,
        kind: r.kind as CardKind,
        tags: tagsFromText(r.tags),
        suspended: r.suspended === 1,
        deckName: scope.deckName(r.deckId),
      },
    ];
  });
  return { total, rows };
}
