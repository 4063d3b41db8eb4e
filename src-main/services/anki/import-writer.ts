import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { withReviewTotalsBulk, withSearchIndexDeferred, withReviewTotalsDeferred } from '../../../db/functions';
import { createMutator } from '../../../db/mutate';
import { configureConnection, type Db } from '../../../db/open';
import * as schema from '../../../db/schema';
import { cards, decks, notes, reviewLogs } from '../../../db/schema';
import type { Preset } from '../../../src-shared/domain/vocabulary';
import { createPresetsService } from '../decks/presets';
import { createImportClock } from '../imports/import-clock';
import { createCardsForNotes, lastNoteRowid } from '../notes/cards-for-notes';
import { tagsToText } from '../notes/notes-service';
import type { FsrsFields } from '../review/scheduler';
import type { ReviewLogRow } from './card-history';
import type { MappedNote } from './note-mapping';

export interface NoteWrite extends MappedNote {
  guid: string;
  tags: string[];
  audio: string[];
  images: string[];
}

export type CardPatch = Partial<FsrsFields> & { suspended?: boolean; buriedUntil?: number | null };

/** A card's answers, by card (`+profile_id`: without statistics SQLite would walk the profile's whole log). */
export const CARD_ANSWERS =
  'SELECT reviewed_at AS reviewedAt, rating, duration_ms AS durationMs FROM review_logs WHERE card_id = ? AND +profile_id = ? AND deleted_at IS NULL';

/**
 * The worker's own connection and the one transaction of an Anki import (BEGIN IMMEDIATE at open, COMMIT only
 * at the end): a cancel, an error or a crash before COMMIT leaves the learner's data exactly as it was.
 */
export function openAnkiWriter(databaseFile: string, profileId: string, now: () => number) {
  const sqlite = new Database(databaseFile, { fileMustExist: true });
  configureConnection(sqlite);
  // One long transaction touching hundreds of thousands of rows: a larger page cache keeps its indexes in memory.
  sqlite.pragma('cache_size = -65536');
  // The import's pages go to the WAL at COMMIT; copying them into the database file is left to the worker after it
  // has reported (checkpointAfterImport), as for CSV imports: inside COMMIT it would add seconds to the import.
  sqlite.pragma('wal_autocheckpoint = 0');
  // Statement and savepoint journals (the original of every existing page a multi-row insert or a mutator savepoint
  // changes) in memory, not a temp file: inside this one long transaction they came to ~2 GB of writes to /var/tmp
  // for a 500k-answer import (1.1M pwrite calls, ~1.3 s of system time; copying in memory costs about 1 s less).
  // Each is dropped when its statement or savepoint ends, so this holds a few MB at a time.
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema }) as Db;
  sqlite.exec('BEGIN IMMEDIATE');
  const clock = createImportClock(sqlite, now);
  const mutator = createMutator(db, clock);
  const presets = createPresetsService({ db, mutator });
  const deckPresetId = sqlite.prepare('SELECT preset_id FROM decks WHERE id = ? AND profile_id = ?').pluck();
  const presetCache = new Map<string, Preset>();
  const cardAnswers = sqlite.prepare(CARD_ANSWERS);
  const cardDeck = sqlite.prepare('SELECT deck_id FROM cards WHERE id = ? AND profile_id = ? AND deleted_at IS NULL').pluck();

  return {
    deviceId: clock.deviceId,
    /** The profile's notes that came from Anki, by guid: a re-import updates them. */
    notesByGuid(): Map<string, { id: string; deckId: string }> {
      const rows = sqlite
        .prepare('SELECT id, guid, deck_id FROM notes WHERE profile_id = ? AND guid IS NOT NULL AND deleted_at IS NULL')
        .all(profileId) as { id: string; guid: string; deck_id: string }[];
      return new Map(rows.map((r) => [r.guid, { id: r.id, deckId: r.deck_id }]));
    },
    /** The profile's decks by full path ("A::B"), so a re-import reuses them. */
    decksByPath(): Map<string, string> {
      const rows = sqlite.prepare('SELECT id, parent_id, name FROM decks WHERE profile_id = ? AND deleted_at IS NULL').all(profileId) as {
        id: string; parent_id: string | null; name: string;
      }[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const pathOf = (row: (typeof rows)[number], depth = 0): string =>
        row.parent_id && byId.has(row.parent_id) && depth < 50 ? `${pathOf(byId.get(row.parent_id)!, depth + 1)}::${row.name}` : row.name;
      return new Map(rows.map((r) => [pathOf(r), r.id]));
    },
    createDeck(name: string, parentId: string | null, languages: { native: string; target: string }): string {
      const id = uuidv7();
      mutator.insert(decks, profileId, {
        id, profileId, parentId, name, nativeLanguage: languages.native, targetLanguage: languages.target,
        presetId: presets.defaultFor(profileId).id, origin: 'anki', createdAt: now(),
      });
      return id;
    },
    presetOf(deckId: string): Preset {
      let preset = presetCache.get(deckId);
      if (!preset) {
        const presetId = deckPresetId.get(deckId, profileId) as string | undefined;
        preset = presetId ? presets.get(profileId, presetId) : presets.defaultFor(profileId);
        presetCache.set(deckId, preset);
      }
      return preset;
    },
    /** New notes with their ids; Parley derives their cards (recognition, production, cloze) as for any note. */
    insertNotes(rows: (NoteWrite & { id: string; deckId: string })[]): void {
      if (!rows.length) return;
      const since = lastNoteRowid(sqlite);
      const createdAt = now();
      const values = rows.map((n) => ({
        id: n.id, profileId, deckId: n.deckId, term: n.term, translation: n.translation, examples: n.examples,
        partOfSpeech: n.partOfSpeech, gender: n.gender, ipa: n.ipa, tags: tagsToText(n.tags), audio: n.audio, images: n.images,
        source: 'anki' as const, guid: n.guid, createdAt,
      }));
      withSearchIndexDeferred(sqlite, since, () => mutator.insertMany(notes, profileId, values));
      createCardsForNotes(sqlite, profileId, { sinceRowid: since });
    },
    updateNotes(rows: (NoteWrite & { id: string })[]): void {
      if (!rows.length) return;
      mutator.updateMany(notes, profileId, rows.map((n) => ({
        id: n.id,
        patch: {
          term: n.term, translation: n.translation, examples: n.examples, partOfSpeech: n.partOfSpeech, gender: n.gender,
          ipa: n.ipa, tags: tagsToText(n.tags), audio: n.audio, images: n.images,
        },
      })));
      for (const row of rows) createCardsForNotes(sqlite, profileId, { noteId: row.id });
    },
    /** The deck of each of these cards that exists (live) in the profile, by card id. */
    cardDecks(ids: string[]): Map<string, string> {
      const found = new Map<string, string>();
      for (const id of ids) {
        const deckId = cardDeck.get(id, profileId) as string | undefined;
        if (deckId !== undefined) found.set(id, deckId);
      }
      return found;
    },
    /** Answers already logged for a card (a re-import adds only the ones it lacks). */
    loggedAnswers(cardId: string): { reviewedAt: number; rating: number; durationMs: number }[] {
      return cardAnswers.all(cardId, profileId) as { reviewedAt: number; rating: number; durationMs: number }[];
    },
    updateCards(rows: { id: string; patch: CardPatch }[]): void {
      if (rows.length) mutator.updateMany(cards, profileId, rows);
    },
    /**
     * The review-history phase: the progress totals of every answer it logs are added once at its end, with the
     * review log's insert triggers dropped meanwhile (withReviewTotalsBulk, db/functions.ts).
     */
    withHistoryTotals<R>(write: () => R): R {
      return withReviewTotalsBulk(sqlite, write);
    },
    /** Answers in bulk: their progress totals are added once per batch, not per row (db/functions.ts). */
    insertLogs(rows: ReviewLogRow[]): void {
      if (rows.length) withReviewTotalsDeferred(sqlite, () => mutator.insertMany(reviewLogs, profileId, rows));
    },
    commit(): void {
      clock.persist();
      sqlite.exec('COMMIT');
    },
    close(): void {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      sqlite.close();
    },
  };
}

export type AnkiWriter = ReturnType<typeof openAnkiWriter>;
