import type Database from 'better-sqlite3';
import type { FsrsFields } from './scheduler';

/** A card with the note fields the review screen shows. */
export interface StudyCard extends FsrsFields {
  id: string;
  noteId: string;
  deckId: string;
  kind: 'recognition' | 'production' | 'cloze';
  suspended: boolean;
  buriedUntil: number | null;
  term: string;
  translation: string;
  examples: { text: string; translation: string }[];
  partOfSpeech: string | null;
  gender: string | null;
  ipa: string | null;
  tags: string;
  /** The note's own sounds and pictures (stored media names, see services/anki/media-store.ts). */
  audio: string[];
  images: string[];
}

/** A sibling card: another direction of the same note. */
export interface SiblingRow {
  id: string;
  state: number;
  due: number;
  buriedUntil: number | null;
}

const STUDY_CARD = `
  SELECT c.id, c.note_id AS noteId, c.deck_id AS deckId, c.kind, c.state, c.due, c.stability, c.difficulty,
         c.scheduled_days AS scheduledDays, c.learning_steps AS learningSteps, c.reps, c.lapses, c.last_review AS lastReview,
         c.suspended, c.buried_until AS buriedUntil, n.term, n.translation, n.examples, n.part_of_speech AS partOfSpeech,
         n.gender, n.ipa, n.tags, n.audio, n.images
  FROM cards c JOIN notes n ON n.id = c.note_id AND n.profile_id = c.profile_id
  WHERE c.id = ? AND c.profile_id = ? AND c.deleted_at IS NULL AND n.deleted_at IS NULL`;

/** True unless the log row's insert is still only on this device (missing counts as shared: nothing to take back). */
const LOG_SHARED = `
  SELECT count(*) = 0 FROM changes
  WHERE profile_id = ? AND table_name = 'review_logs' AND row_id = ? AND op = 'insert' AND sent_at IS NULL`;

/**
 * By note, named: without statistics SQLite prefers cards_intervals (profile and tombstone, two equalities) to
 * cards_note (one), and walks every card of the profile on each answer (seconds on 200k cards).
 */
export const SIBLINGS = `
  SELECT id, state, due, buried_until AS buriedUntil FROM cards INDEXED BY cards_note
  WHERE note_id = ? AND profile_id = ? AND id <> ? AND deleted_at IS NULL AND suspended = 0`;

/**
 * Reads for the answer path, as plain prepared statements: this runs on every card shown and every answer, and
 * drizzle's query building would cost more than the query itself.
 */
export function createCardReads(sqlite: Database.Database) {
  const studyCard = sqlite.prepare(STUDY_CARD);
  const siblings = sqlite.prepare(SIBLINGS);
  const logShared = sqlite.prepare(LOG_SHARED).pluck();
  return {
    studyCard(profileId: string, cardId: string): StudyCard | null {
      const row = studyCard.get(cardId, profileId) as
        | (Omit<StudyCard, 'suspended' | 'examples' | 'audio' | 'images'> & { suspended: number; examples: string; audio: string; images: string })
        | undefined;
      if (!row) return null;
      return {
        ...row,
        suspended: row.suspended === 1,
        examples: parseExamples(row.examples),
        audio: parseNames(row.audio),
        images: parseNames(row.images),
      };
    },
    siblings: (profileId: string, noteId: string, cardId: string) =>
      siblings.all(noteId, profileId, cardId) as SiblingRow[],
    logShared: (profileId: string, logId: string) => logShared.get(profileId, logId) === 1,
  };
}
export type CardReads = ReturnType<typeof createCardReads>;

function parseExamples(json: string): StudyCard['examples'] {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.map((e: { text?: unknown; translation?: unknown }) => ({
      text: String(e?.text ?? ''),
      translation: String(e?.translation ?? ''),
    }));
  } catch {
    return [];
  }
}

/** A note's media list (JSON text); anything else reads as none rather than failing the card. */
function parseNames(text: string): string[] {
  try {
    const names = JSON.parse(text) as unknown;
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}
