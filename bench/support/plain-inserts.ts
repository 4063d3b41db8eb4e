import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { cardIdFor, hasCloze } from '../../db/functions';
import { newId } from '../../db/ids';
import { configureConnection, NEW_FILE_PAGE_SIZE } from '../../db/open';

/**
 * Yardsticks for the CSV import: the rows of the generated file (tests/support/csv-fixtures.ts) written with plain
 * prepared statements, one row per `run`, in one transaction — no set-based SQL, no batching.
 */
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'parley-bench-plain-'));

const fields = (i: number) => ({
  term: `palabra${i}`,
  translation: `word ${i}`,
  examples: JSON.stringify([{ text: `La palabra${i} está aquí, ¿no?`, translation: `The word ${i} is here` }]),
  gender: i % 2 ? 'f' : 'm',
  tags: `gen t${i % 7}`,
});

/** The yardstick: the rows into one notes-shaped table (its primary key only), in a file made as Parley makes its own. */
export function plainInsertSeconds(rows: number, pageSize = NEW_FILE_PAGE_SIZE): number {
  const dir = tempDir();
  const sqlite = new Database(path.join(dir, 'plain.db'));
  sqlite.pragma(`page_size = ${pageSize}`);
  configureConnection(sqlite);
  sqlite.exec(`CREATE TABLE notes (id TEXT PRIMARY KEY, profile_id TEXT NOT NULL, deck_id TEXT NOT NULL, term TEXT NOT NULL,
    translation TEXT NOT NULL, examples TEXT NOT NULL, part_of_speech TEXT, gender TEXT, ipa TEXT, tags TEXT NOT NULL,
    audio TEXT NOT NULL, images TEXT NOT NULL, source TEXT NOT NULL, guid TEXT, created_at INTEGER NOT NULL,
    updated_at TEXT NOT NULL, deleted_at INTEGER)`);
  const insert = sqlite.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const profileId = uuidv7();
  const deckId = uuidv7();
  const started = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i += 1) {
      const f = fields(i);
      insert.run(uuidv7(), profileId, deckId, f.term, f.translation, f.examples, 'noun', f.gender, null, f.tags, '[]', '[]', 'import', null, Date.now(), String(i), null);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

const NOTE_COLUMNS = 'id, profile_id, deck_id, term, translation, examples, part_of_speech, gender, ipa, tags, audio, images, source, guid, created_at, updated_at, deleted_at';
const CARD_COLUMNS =
  'id, profile_id, note_id, deck_id, kind, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review, suspended, buried_until, position, created_at, updated_at, deleted_at';
const params = (columns: string) => columns.split(', ').map(() => '?').join(', ');

/**
 * For comparison, everything an import writes, as plain prepared inserts into Parley's own schema (its indexes and
 * triggers): per row the note (its insert trigger indexes it for search), its cards and its outbox record.
 * `sqlite` is a migrated Parley database holding the profile and the deck.
 */
export function plainFullWriteSeconds(sqlite: Database.Database, profileId: string, deckId: string, rows: number): number {
  const note = sqlite.prepare(`INSERT INTO notes (${NOTE_COLUMNS}) VALUES (${params(NOTE_COLUMNS)})`);
  const card = sqlite.prepare(`INSERT INTO cards (${CARD_COLUMNS}) VALUES (${params(CARD_COLUMNS)})`);
  const change = sqlite.prepare(`INSERT INTO changes (id, hlc, profile_id, table_name, row_id, op, data) VALUES (?, ?, ?, 'notes', ?, 'insert', ?)`);
  const base = (sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM notes').pluck().get() as number) + 1;
  const started = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i += 1) {
      const f = fields(i);
      const id = newId();
      const now = Date.now();
      const hlc = `${now}-${i}`;
      note.run(id, profileId, deckId, f.term, f.translation, f.examples, 'noun', f.gender, null, f.tags, '[]', '[]', 'import', null, now, hlc, null);
      const kinds = hasCloze(f.term, f.examples) ? ['recognition', 'production', 'cloze'] : ['recognition', 'production'];
      kinds.forEach((kind, ord) => card.run(cardIdFor(id, kind), profileId, id, deckId, kind, 0, now, 0, 0, 0, 0, 0, 0, null, 0, null, (base + i) * 4 + ord, now, hlc, null));
      const data = { id, profile_id: profileId, deck_id: deckId, term: f.term, translation: f.translation, examples: JSON.parse(f.examples) as unknown, part_of_speech: 'noun', gender: f.gender, ipa: null, tags: f.tags, audio: [], images: [], source: 'import', guid: null, created_at: now, updated_at: hlc, deleted_at: null };
      change.run(newId(), hlc, profileId, id, JSON.stringify(data));
    }
  })();
  return (performance.now() - started) / 1000;
}
