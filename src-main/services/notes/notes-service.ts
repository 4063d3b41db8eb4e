import { and, eq, isNull } from 'drizzle-orm';
import { ContractError } from '../../../src-shared/contract/errors';
import type { CardKind, Note } from '../../../src-shared/domain/vocabulary';
import { withSearchIndexDeferred } from '../../../db/functions';
import { newId } from '../../../db/ids';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { decks, notes, type ExampleSentence } from '../../../db/schema';
import { createCardsForNotes, lastNoteRowid } from './cards-for-notes';

export interface NoteInput {
  term: string;
  translation: string;
  examples: ExampleSentence[];
  partOfSpeech: string | null;
  gender: string | null;
  ipa: string | null;
  tags: string[];
}

type NoteRow = typeof notes.$inferSelect;
type Source = NoteRow['source'];

export const tagsToText = (tags: string[]) => [...new Set(tags)].join(' ');
export const tagsFromText = (text: string) => (text ? text.split(' ') : []);

export function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    deckId: row.deckId,
    term: row.term,
    translation: row.translation,
    examples: row.examples,
    partOfSpeech: row.partOfSpeech as Note['partOfSpeech'],
    gender: row.gender as Note['gender'],
    ipa: row.ipa,
    tags: tagsFromText(row.tags),
    audio: row.audio,
    images: row.images,
    source: row.source,
    createdAt: row.createdAt,
  };
}

export type NotesService = ReturnType<typeof createNotesService>;

/** A note's cards, by note (named: without statistics SQLite would walk the profile's cards; see review/card-rows.ts). */
export const NOTE_CARDS = `SELECT id, kind, state, due, lapses, reps, suspended FROM cards INDEXED BY cards_note
  WHERE note_id = ? AND profile_id = ? AND deleted_at IS NULL ORDER BY position`;
interface NoteCardRow {
  id: string;
  kind: string;
  state: number;
  due: number;
  lapses: number;
  reps: number;
  suspended: number;
}

/** Notes and the cards born from them. Every query is scoped by the profile. */
export function createNotesService({ db, mutator, now }: { db: Db; mutator: Mutator; now: () => number }) {
  const noteCardsStmt = db.$client.prepare(NOTE_CARDS);
  const rowOf = (profileId: string, noteId: string): NoteRow => {
    const row = db.select().from(notes).where(and(eq(notes.id, noteId), eq(notes.profileId, profileId), isNull(notes.deletedAt))).get();
    if (!row) throw new ContractError('NOT_FOUND', 'That word is not in your decks.');
    return row;
  };

  const assertDeck = (profileId: string, deckId: string) => {
    const deck = db.select({ id: decks.id }).from(decks).where(and(eq(decks.id, deckId), eq(decks.profileId, profileId), isNull(decks.deletedAt))).get();
    if (!deck) throw new ContractError('NOT_FOUND', 'That deck does not exist.');
  };

  const rowValues = (profileId: string, deckId: string, input: NoteInput, source: Source, guid: string | null) => ({
    id: newId(),
    profileId,
    deckId,
    term: input.term,
    translation: input.translation,
    examples: input.examples,
    partOfSpeech: input.partOfSpeech,
    gender: input.gender,
    ipa: input.ipa,
    tags: tagsToText(input.tags),
    audio: [] as string[],
    images: [] as string[],
    source,
    guid,
    createdAt: now(),
  });

  return {
    get(profileId: string, noteId: string) {
      const note = toNote(rowOf(profileId, noteId));
      const noteCards = (noteCardsStmt.all(noteId, profileId) as NoteCardRow[]).map((c) => ({
        id: c.id,
        kind: c.kind as CardKind,
        state: c.state as 0 | 1 | 2 | 3,
        due: c.due,
        lapses: c.lapses,
        reps: c.reps,
        suspended: c.suspended === 1,
      }));
      return { note, cards: noteCards };
    },

    create(profileId: string, deckId: string, input: NoteInput, source: Source): Note {
      assertDeck(profileId, deckId);
      const values = rowValues(profileId, deckId, input, source, null);
      db.$client.transaction(() => {
        mutator.insert(notes, profileId, values);
        createCardsForNotes(db.$client, profileId, { noteId: values.id });
      })();
      return toNote(rowOf(profileId, values.id));
    },

    /** The bulk path for imports and starter decks: one transaction, prepared statements, set-based cards. */
    insertMany(profileId: string, deckId: string, inputs: (NoteInput & { guid?: string | null })[], source: Source): number {
      assertDeck(profileId, deckId);
      return db.$client.transaction(() => {
        const since = lastNoteRowid(db.$client);
        const rows = inputs.map((input) => rowValues(profileId, deckId, input, source, input.guid ?? null));
        withSearchIndexDeferred(db.$client, since, () => mutator.insertMany(notes, profileId, rows));
        return createCardsForNotes(db.$client, profileId, { sinceRowid: since });
      })();
    },

    update(profileId: string, noteId: string, patch: Partial<NoteInput>): Note {
      rowOf(profileId, noteId);
      const { tags, ...rest } = patch;
      const changes = { ...rest, ...(tags ? { tags: tagsToText(tags) } : {}) };
      db.$client.transaction(() => {
        if (Object.keys(changes).length) mutator.update(notes, profileId, noteId, changes);
        createCardsForNotes(db.$client, profileId, { noteId });
      })();
      return toNote(rowOf(profileId, noteId));
    },
  };
}
