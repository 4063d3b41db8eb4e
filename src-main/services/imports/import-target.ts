import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createMutator } from '../../../db/mutate';
import { configureConnection, type Db } from '../../../db/open';
import * as schema from '../../../db/schema';
import type { ColumnMapping } from '../../../src-shared/contract/imports';
import { createDeckRows } from '../decks/deck-rows';
import { createPresetsService } from '../decks/presets';
import { createNotesService, type NoteInput } from '../notes/notes-service';
import { duplicateKey } from './duplicates';
import { createImportClock } from './import-clock';
import type { ImportWorkerData } from './import-protocol';

export type ImportTarget = ReturnType<typeof openImportTarget>;
type Writer = ReturnType<typeof beginWriting>;

/**
 * The worker's own connection, writing through the same services as the core (the mutator records every change,
 * the notes service derives the cards). With `commit` off it opens read-only: a check can write nothing.
 */
export function openImportTarget(data: ImportWorkerData, now: () => number) {
  const sqlite = new Database(data.databaseFile, { readonly: !data.commit, fileMustExist: true });
  configureConnection(sqlite);
  // The import's pages go to the WAL at COMMIT; copying them into the database file is left to
  // `checkpointAfterImport`, after the learner has been told the import is done.
  if (data.commit) sqlite.pragma('wal_autocheckpoint = 0');
  // Statement and savepoint journals of the import's one long transaction in memory, not temp files (as the Anki
  // import does): about 0.2 s of 100k rows.
  if (data.commit) sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema }) as Db;
  const { profileId } = data;
  const writer = data.commit ? beginWriting(db, now) : null;
  const deckId = targetDeck(data, writer);
  const selectDeckNotes = sqlite.prepare(
    'SELECT id, term, translation FROM notes WHERE profile_id = ? AND deck_id = ? AND rowid > ? AND deleted_at IS NULL ORDER BY rowid',
  );
  const lastRowid = sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM notes').pluck();

  return {
    deckId,
    /** The deck's words by duplicate key (the oldest note wins when the deck already holds a word twice). */
    deckWords(sinceRowid = 0, into = new Map<string, string>()): Map<string, string> {
      if (!deckId) return into;
      for (const row of selectDeckNotes.iterate(profileId, deckId, sinceRowid) as Iterable<{ id: string; term: string; translation: string }>) {
        const key = duplicateKey(row.term, row.translation);
        if (!into.has(key)) into.set(key, row.id);
      }
      return into;
    },
    lastRowid: () => lastRowid.get() as number,
    insert(notes: NoteInput[]): void {
      if (writer && deckId && notes.length) writer.notes.insertMany(profileId, deckId, notes, 'import');
    },
    update(noteId: string, note: NoteInput, mapping: ColumnMapping): void {
      const patch = mappedFields(note, mapping);
      if (writer && Object.keys(patch).length) writer.notes.update(profileId, noteId, patch);
    },
    commit(): void {
      if (!writer) return;
      writer.clock.persist();
      sqlite.exec('COMMIT');
    },
    /** Rolls back whatever was not committed: a cancel, an error, or an import that only checked. */
    close(): void {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      sqlite.close();
    },
  };
}

/** One transaction for the whole import, taken at once so the deck's words cannot change under it. */
function beginWriting(db: Db, now: () => number) {
  db.$client.exec('BEGIN IMMEDIATE');
  const clock = createImportClock(db.$client, now);
  const mutator = createMutator(db, clock);
  const presets = createPresetsService({ db, mutator });
  return { clock, notes: createNotesService({ db, mutator, now }), deckRows: createDeckRows({ db, mutator, presets, now }) };
}

/** The deck written to; a new one is created inside the import's transaction, so a cancel leaves no trace of it. */
function targetDeck(data: ImportWorkerData, writer: Writer | null): string | null {
  if (data.target.kind === 'deck') return data.target.deckId;
  if (!writer) return null;
  const { name, nativeLanguage, targetLanguage } = data.target;
  return writer.deckRows.create(data.profileId, { name, parentId: null, nativeLanguage, targetLanguage }).id;
}

/** "Update" overwrites the fields the learner mapped; the others keep what the note had. */
function mappedFields(note: NoteInput, mapping: ColumnMapping): Partial<NoteInput> {
  const patch: Partial<NoteInput> = {};
  if (mapping.example !== null) patch.examples = note.examples;
  if (mapping.partOfSpeech !== null) patch.partOfSpeech = note.partOfSpeech;
  if (mapping.gender !== null) patch.gender = note.gender;
  if (mapping.ipa !== null) patch.ipa = note.ipa;
  if (mapping.tags !== null) patch.tags = note.tags;
  return patch;
}

/**
 * Copies the import's pages from the WAL into the database file, in the worker, once the import has been reported
 * done: the commit alone makes it durable, and left to the main thread's next write this checkpoint (hundreds of MB
 * after a large import) would stall the learner's next answer. PASSIVE: it never waits for the core's readers.
 */
export function checkpointAfterImport(databaseFile: string): void {
  const sqlite = new Database(databaseFile, { fileMustExist: true });
  try {
    configureConnection(sqlite);
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    sqlite.close();
  }
}
