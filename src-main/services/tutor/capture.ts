import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { notes } from '../../../db/schema';
import { findTerm } from '../../../src-shared/domain/cloze';
import type { Correction } from '../../../src-shared/domain/corrections';
import type { Note } from '../../../src-shared/domain/vocabulary';
import type { NotesService } from '../notes/notes-service';
import { toNote } from '../notes/notes-service';

/** The learner's text with each correction applied: the example a captured word gets is a correct sentence. */
export function correctedText(text: string, corrections: Correction[]): string {
  let result = text;
  for (const c of corrections) {
    const at = findTerm(c.original, result);
    if (at) result = result.slice(0, at.start) + c.corrected + result.slice(at.end);
  }
  return result;
}

/** Markdown emphasis and list marks out, so an example reads as a sentence. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/[*_`~]+/g, '')
    .replace(/^\s*(?:[-+]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sentence of `text` that contains `term`; the whole text (bounded) when none does. */
export function sentenceWith(term: string, text: string): string {
  const plain = plainText(text);
  const sentences = plain.match(/[^.!?¡¿]*[¡¿]?[^.!?]*[.!?]+|[^.!?]+$/g) ?? [plain];
  const found = sentences.map((s) => s.trim()).find((s) => findTerm(term, s));
  return (found ?? plain).slice(0, 1000);
}

/**
 * Adds a word from the conversation as a note (source 'tutor', the sentence as its example) through the notes
 * service. The same term already in that deck is returned instead of added twice.
 */
export function captureWord(
  db: Db,
  notesService: NotesService,
  profileId: string,
  input: { deckId: string; term: string; translation: string; sentence: string },
): { note: Note; duplicate: boolean } {
  const existing = db
    .select()
    .from(notes)
    .where(and(eq(notes.profileId, profileId), eq(notes.deckId, input.deckId), isNull(notes.deletedAt), sql`lower(${notes.term}) = lower(${input.term})`))
    .get();
  if (existing) return { note: toNote(existing), duplicate: true };
  const note = notesService.create(
    profileId,
    input.deckId,
    { term: input.term, translation: input.translation, examples: input.sentence ? [{ text: input.sentence, translation: '' }] : [], partOfSpeech: null, gender: null, ipa: null, tags: ['tutor'] },
    'tutor',
  );
  return { note, duplicate: false };
}
