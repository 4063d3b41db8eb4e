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
  const end = deferSearchIndex(sqlite);
  let result: R;
  try {
    result = write();
  } catch (error) {
    end(null);
    throw error;
  }
  end(sinceRowid);
  return result;
}

/**
 * The unscoped form of `withSearchIndexDeferred`, for a writer whose runs of note inserts end where its input says
 * (sync's applier): turns the trigger off now; the returned function turns it on again and indexes the notes
 * inserted after `sinceRowid` (null: none, after a failure the transaction will roll back). Any update of a note
 * inserted meanwhile must wait until it has been called (the update trigger would index the note a second time).
 */
export function deferSearchIndex(sqlite: Database.Database): (sinceRowid: number | null) => void {
  const flag = searchIndexDeferred.get(sqlite);
  if (!flag) throw new Error('The connection has no Parley SQL functions');
  flag.deferred = true;
  return (sinceRowid) => {
    flag.deferred = false;
    if (sinceRowid === null) return;
    // Index rows numbered after every rowid the index holds, in the notes' order: the map to them is then read from
    // the notes table itself, not back out of the index's content (0.1 s instead of 0.4 s per 100k imported notes).
    const ftsBefore = sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM notes_fts').pluck().get() as number;
    const offset = ftsBefore - sinceRowid;
    sqlite
      .prepare(
        `INSERT INTO notes_fts (rowid, note_id, profile_id, term, translation, examples, tags)
         SELECT rowid + @offset, id, profile_id, term, translation,
                (SELECT group_concat(json_extract(value, '$.text') || ' ' || json_extract(value, '$.translation'), ' ') FROM json_each(examples)),
                tags
         FROM notes WHERE rowid > @since AND deleted_at IS NULL ORDER BY rowid`,
      )
      .run({ offset, since: sinceRowid });
    sqlite
      .prepare('INSERT INTO notes_fts_rows (note_id, fts_rowid) SELECT id, rowid + @offset FROM notes WHERE rowid > @since AND deleted_at IS NULL ORDER BY rowid')
      .run({ offset, since: sinceRowid });
  };
}

/** Per connection: the review-log rowid after which bulk writes leave the progress totals to the writer. */
const reviewTotalsDeferred = new WeakMap<Database.Database, { after: number | null }>();

/**
 * Runs `write` with the review log's progress triggers (review_buckets, progress_marks; migration 0017) quiet for the
 * rows it inserts on this connection, then adds those rows' totals in two set-based statements: a bulk write of
 * hundreds of thousands of answers (a first sync, an Anki import) pays for its totals once instead of per row.
 * Tombstones and deletes of rows inserted inside `write` are quiet too (the totals count the rows as they end up);
 * those of older rows still go through the triggers. Must run inside the caller's transaction. Not reentrant.
 */
export function withReviewTotalsDeferred<R>(sqlite: Database.Database, write: () => R): R {
  const flag = reviewTotalsDeferred.get(sqlite);
  if (!flag) throw new Error('The connection has no Parley SQL functions');
  if (flag.after !== null) return write();
  const since = sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM review_logs').pluck().get() as number;
  flag.after = since;
  let result: R;
  try {
    result = write();
  } finally {
    flag.after = null;
  }
  sqlite
    .prepare(
      `INSERT INTO review_buckets (profile_id, bucket_start, reviews, again, hard, good, easy, introduced, review_passed,
         review_failed, duration_ms)
       SELECT profile_id, reviewed_at - reviewed_at % 900000, count(*), sum(rating = 1), sum(rating = 2), sum(rating = 3),
         sum(rating = 4), sum(state_before = 0), sum(state_before = 2 AND rating > 1), sum(state_before = 2 AND rating = 1),
         sum(min(max(duration_ms, 0), 120000))
       FROM review_logs WHERE rowid > ? AND deleted_at IS NULL
       GROUP BY profile_id, reviewed_at - reviewed_at % 900000
       ON CONFLICT (profile_id, bucket_start) DO UPDATE SET
         reviews = reviews + excluded.reviews, again = again + excluded.again, hard = hard + excluded.hard,
         good = good + excluded.good, easy = easy + excluded.easy, introduced = introduced + excluded.introduced,
         review_passed = review_passed + excluded.review_passed, review_failed = review_failed + excluded.review_failed,
         duration_ms = duration_ms + excluded.duration_ms`,
    )
    .run(since);
  sqlite
    .prepare(
      `UPDATE progress_marks SET old_edits = old_edits + (
         SELECT count(*) FROM review_logs l WHERE l.rowid > @since AND l.profile_id = progress_marks.profile_id
           AND l.reviewed_at < progress_marks.old_before)
       WHERE EXISTS (SELECT 1 FROM review_logs l WHERE l.rowid > @since AND l.profile_id = progress_marks.profile_id
           AND l.reviewed_at < progress_marks.old_before)`,
    )
    .run({ since });
  return result;
}

/** The review log's insert triggers whose work `withReviewTotalsDeferred` does in bulk (migration 0017). */
const REVIEW_TOTALS_INSERT_TRIGGERS = ['review_buckets_insert', 'progress_marks_insert'];

/**
 * `withReviewTotalsDeferred` for a writer that holds the database's one write transaction for the whole of `write`
 * (the Anki import): the two insert triggers are dropped for its duration and created again, from their own SQL,
 * before it returns. A quiet trigger still runs per row (its WHEN calls back into JS): for half a million answers
 * that was about 1.5 s of an import. DDL is transactional in SQLite, so a rollback or a crash restores them too,
 * and other connections never see them missing (they read the last commit). Throws outside a transaction.
 */
export function withReviewTotalsBulk<R>(sqlite: Database.Database, write: () => R): R {
  if (!sqlite.inTransaction) throw new Error('withReviewTotalsBulk must run inside a transaction');
  const flag = reviewTotalsDeferred.get(sqlite);
  if (!flag) throw new Error('The connection has no Parley SQL functions');
  if (flag.after !== null) return write();
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'review_logs' AND name IN (${REVIEW_TOTALS_INSERT_TRIGGERS.map(() => '?').join(', ')})`)
    .all(...REVIEW_TOTALS_INSERT_TRIGGERS) as { name: string; sql: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  try {
    return withReviewTotalsDeferred(sqlite, write);
  } finally {
    // Outside a transaction SQLite has rolled it back itself (some errors do), and with it the DROPs.
    if (sqlite.inTransaction) for (const { sql } of triggers) sqlite.exec(sql);
  }
}

/** SQL functions every connection gets (card derivation runs in SQL for the import path). */
export function registerFunctions(sqlite: Database.Database): void {
  const search = { deferred: false };
  searchIndexDeferred.set(sqlite, search);
  sqlite.function('parley_card_id', { deterministic: true }, (noteId, kind) => cardIdFor(String(noteId), String(kind)));
  sqlite.function('parley_has_cloze', { deterministic: true }, (term, examples) => (hasCloze(String(term), String(examples)) ? 1 : 0));
  sqlite.function('parley_new_id', { deterministic: false }, () => newId());
  sqlite.function('parley_search_index_deferred', { deterministic: false }, () => (search.deferred ? 1 : 0));
  const totals = { after: null as number | null };
  reviewTotalsDeferred.set(sqlite, totals);
  sqlite.function('parley_review_totals_deferred', { deterministic: false }, (rowid) =>
    totals.after !== null && Number(rowid) > totals.after ? 1 : 0,
  );
}
