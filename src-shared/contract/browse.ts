import { z } from 'zod';
import { defineContract } from './define';
import { id } from '../domain/text';
import { cardKind, cardState, tag } from '../domain/vocabulary';

export const browseRow = z.object({
  cardId: id,
  noteId: id,
  deckId: id,
  deckName: z.string(),
  kind: cardKind,
  term: z.string(),
  translation: z.string(),
  tags: z.array(z.string()),
  state: cardState,
  suspended: z.boolean(),
  due: z.number().int(),
  lapses: z.number().int(),
  reps: z.number().int(),
  createdAt: z.number().int(),
});

export const browseSearch = defineContract({
  channel: 'browse:search',
  input: z.strictObject({
    query: z.string().max(500).default(''),
    deckId: id.nullable().default(null),
    state: z.enum(['new', 'learning', 'review', 'suspended']).nullable().default(null),
    /** One tag, written as tags are stored (lower case, underscores). */
    tag: tag.nullable().default(null),
    due: z.enum(['today', 'overdue']).nullable().default(null),
    minLapses: z.number().int().min(0).max(999).nullable().default(null),
    sort: z.enum(['created', 'due', 'term', 'lapses']).default('created'),
    descending: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  }),
  output: z.object({ total: z.number().int(), rows: z.array(browseRow) }),
});

export const bulkAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('move'), deckId: id }),
  z.strictObject({ kind: z.literal('addTag'), tag }),
  z.strictObject({ kind: z.literal('removeTag'), tag }),
  z.strictObject({ kind: z.literal('suspend') }),
  z.strictObject({ kind: z.literal('unsuspend') }),
  z.strictObject({ kind: z.literal('delete') }),
]);

const afterBulk = ['browse:search', 'decks:list', 'notes:get', 'review:next'];

export const browseBulk = defineContract({
  channel: 'browse:bulk',
  input: z.strictObject({ cardIds: z.array(id).min(1).max(100_000), action: bulkAction }),
  output: z.object({ affected: z.number().int(), undoId: z.string() }),
  invalidates: afterBulk,
});

export const browseUndo = defineContract({
  channel: 'browse:undo',
  input: z.strictObject({ undoId: z.string().max(64) }),
  output: z.object({ restored: z.number().int() }),
  invalidates: afterBulk,
});

export const browseContract = [browseSearch, browseBulk, browseUndo] as const;
