import { z } from 'zod';
import { defineContract } from './define';
import { id } from '../domain/text';
import { cardKind, cardState, note, noteFields } from '../domain/vocabulary';

const noteQueries = ['decks:list', 'browse:search', 'notes:get', 'review:next'];

export const cardSummary = z.object({
  id,
  kind: cardKind,
  state: cardState,
  due: z.number().int(),
  lapses: z.number().int(),
  reps: z.number().int(),
  suspended: z.boolean(),
});

export const notesGet = defineContract({
  channel: 'notes:get',
  input: z.strictObject({ noteId: id }),
  output: z.object({ note, cards: z.array(cardSummary) }),
});

export const notesCreate = defineContract({
  channel: 'notes:create',
  input: noteFields.extend({ deckId: id, source: z.enum(['manual', 'tutor']).default('manual') }),
  output: z.object({ note }),
  invalidates: noteQueries,
});

export const notesUpdate = defineContract({
  channel: 'notes:update',
  input: z.strictObject({ noteId: id, patch: noteFields.partial() }),
  output: z.object({ note }),
  invalidates: noteQueries,
});

export const notesContract = [notesGet, notesCreate, notesUpdate] as const;
