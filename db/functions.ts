import type Database from 'better-sqlite3';
import { findTerm } from '../src-shared/domain/cloze';
import { hash53 } from '../src-shared/hash53';
import { newId } from './ids';

const hex = (value: number, digits: number) => value.toString(16).padStart(14, '0').slice(-digits);

/**
 * A card's id follows from its note's id and its kind, so two devices that create the same note create the
 * same cards: the note's change record is all sync needs. The first 80 bits are the note's (its time and the
 * counter that orders ids made in the same millisecond), so a note's cards sit next to it in id order and an
 * import appends to the cards' primary key instead of scattering over it; the last 48 bits hash the kind in.
 * Cards of one note kind are also unique by `(note_id, kind)` in the database.
 */
export function cardIdFor(noteId: string, kind: string): string {
  return `${noteId.slice(0, 24)}${hex(hash53(`${noteId}/${kind}`, 1), 12)}`;
}

/** True when one of the note's example sentences contains the term, so a cloze card can be made. */
export function hasCloze(term: string, examplesJson: string): boolean {
  try {
    const examples = JSON.parse(examplesJson) as { text?: string }[];
    return examples.some((e) => typeof e.text === 'string' && findTerm(term, e.text) !== null);
  } catch {
    return false;
  }
}

/** Per connection: whether note inserts leave the search index to the writer (see `withSearchIndexDeferred`). */
const searchIndexDeferred = new WeakMap<Database.Database, { deferred: boolean }>();

/**
 * Runs `write` with the search-index trigger on note inserts turned off for this connection, then indexes every
 * note inserted after `sinceRowid` in one statement (bulk inserts: about half the cost of a trigger per row).
 * Must run inside the caller's transaction, so the notes and their index entries commit together.
 */
export function withSearchIndexDeferred<R>(sqlite: Database.Database, sinceRowid: number, write: () => R): R {
  const flag = searchIndexDeferred.get(sqlite);
  if (!flag) throw new Error('The connection has no Parley SQL functions');
  flag.deferred = true;
  let result: R;
  try {
    result = write();
  } finally {
    flag.deferred = false;
  }
  const ftsBefore = sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM notes_fts').pluck().get();
  sqlite
    .prepare(
      `INSERT INTO notes_fts (note_id, profile_id, term, translation, examples, tags)
       SELECT id, profile_id, term, translation,
              (SELECT group_concat(json_extract(value, '$.text') || ' ' || json_extract(value, '$.translation'), ' ') FROM json_each(examples)),
              tags
       FROM notes WHERE rowid > ? AND deleted_at IS NULL ORDER BY rowid`,
    )
    .run(sinceRowid);
  sqlite.prepare('INSERT INTO notes_fts_rows (note_id, fts_rowid) SELECT note_id, rowid FROM notes_fts WHERE rowid > ?').run(ftsBefore);
  return result;
}

/** SQL functions every connection gets (card derivation runs in SQL for the import path). */
export function registerFunctions(sqlite: Database.Database): void {
  const search = { deferred: false };
  searchIndexDeferred.set(sqlite, search);
  sqlite.function('parley_card_id', { deterministic: true }, (noteId, kind) => cardIdFor(String(noteId), String(kind)));
  sqlite.function('parley_has_cloze', { deterministic: true }, (term, examples) => (hasCloze(String(term), String(examples)) ? 1 : 0));
  sqlite.function('parley_new_id', { deterministic: false }, () => newId());
  sqlite.function('parley_search_index_deferred', { deterministic: false }, () => (search.deferred ? 1 : 0));
}
