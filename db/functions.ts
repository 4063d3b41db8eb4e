import type Database from 'better-sqlite3';
import { findTerm } from '../src-shared/domain/cloze';
import { newId } from './ids';

/**
 * Two independent 53-bit hashes of a string (cyrb53, public domain). Card ids need determinism and spread, not
 * secrecy: SHA-256 per card cost about a second per 300k cards an import derives.
 */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const hex = (value: number, digits: number) => value.toString(16).padStart(14, '0').slice(-digits);

/**
 * A card's id follows from its note's id and its kind, so two devices that create the same note create the
 * same cards: the note's change record is all sync needs. Keeps the note's UUIDv7 time prefix, so ids still
 * sort by creation; the other 74 bits come from the hashes (cards of one note kind are also unique by
 * `(note_id, kind)` in the database).
 */
export function cardIdFor(noteId: string, kind: string): string {
  const key = `${noteId}/${kind}`;
  const a = hex(hash53(key, 1), 13);
  const b = hex(hash53(key, 2), 13);
  const variant = ((parseInt(a[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${noteId.slice(0, 8)}-${noteId.slice(9, 13)}-7${a.slice(1, 4)}-${variant}${a.slice(4, 7)}-${a.slice(7, 13)}${b.slice(7, 13)}`;
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
