import { z } from 'zod';
import { defineContract } from './define';
import { fileId } from './imports';
import { id } from '../domain/text';

/** A field of an Anki note type, by its position. */
const fieldIndex = z.number().int().min(0).max(99).nullable().default(null);

/** Which field of a note type fills which of Parley's. Sounds and pictures are taken from every field. */
export const ankiFieldMapping = z.strictObject({
  term: fieldIndex,
  translation: fieldIndex,
  example: fieldIndex,
  exampleTranslation: fieldIndex,
  partOfSpeech: fieldIndex,
  gender: fieldIndex,
  ipa: fieldIndex,
});
export type AnkiFieldMapping = z.infer<typeof ankiFieldMapping>;

const noteTypeId = z.string().regex(/^-?\d{1,20}$/, 'not an Anki note type id');

export const ankiNoteTypeMapping = z.strictObject({
  noteTypeId,
  mapping: ankiFieldMapping,
  /** Leave this note type's notes out. */
  skip: z.boolean().default(false),
});

export const ankiNoteType = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['normal', 'cloze']),
  fields: z.array(z.string()),
  templates: z.array(z.string()),
  noteCount: z.number().int(),
  /** The first notes' fields as plain text, cut short: the preview. */
  samples: z.array(z.array(z.string())),
  suggestedMapping: ankiFieldMapping,
});

export const ankiInspect = defineContract({
  channel: 'anki:inspect',
  input: z.strictObject({ fileId }),
  output: z.object({
    fileName: z.string(),
    bytes: z.number().int(),
    format: z.enum(['anki2', 'anki21', 'anki21b']),
    notes: z.number().int(),
    cards: z.number().int(),
    reviews: z.number().int(),
    media: z.number().int(),
    /** Full deck names ("Spanish::Verbs"), the first 200. */
    decks: z.array(z.string()),
    noteTypes: z.array(ankiNoteType),
  }),
});

export const ankiImportStart = defineContract({
  channel: 'anki:importStart',
  input: z.strictObject({ fileId, mappings: z.array(ankiNoteTypeMapping).max(500) }),
  output: z.object({ jobId: z.string() }),
});

const jobStatus = z.enum(['running', 'done', 'cancelled', 'failed']);

export const ankiImportProblem = z.object({ what: z.string(), reason: z.string() });

export const ankiImportResult = defineContract({
  channel: 'anki:importResult',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({
    jobId: z.string(),
    status: jobStatus,
    done: z.number().int(),
    total: z.number().int(),
    phase: z.string(),
    imported: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    cards: z.number().int(),
    reviews: z.number().int(),
    media: z.number().int(),
    /** Media the notes name that the package does not hold (or names Parley refuses), the first 100. */
    missingMedia: z.array(z.string()),
    problems: z.array(ankiImportProblem),
    /** The top decks the notes went into. */
    deckIds: z.array(id),
    committed: z.boolean(),
    error: z.string().nullable(),
  }),
  invalidates: ['decks:list', 'browse:search', 'review:next'],
});

export const ankiCancel = defineContract({
  channel: 'anki:cancel',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({ cancelled: z.boolean() }),
});

export const ankiExportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('deck'), deckId: id }),
  z.strictObject({ kind: z.literal('all') }),
]);

export const ankiExportStart = defineContract({
  channel: 'anki:exportStart',
  input: z.strictObject({ scope: ankiExportScope }),
  output: z.object({ jobId: z.string() }),
});

export const exportedFile = z.object({ fileId: z.string(), fileName: z.string(), bytes: z.number().int() });

export const ankiExportResult = defineContract({
  channel: 'anki:exportResult',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({
    jobId: z.string(),
    status: jobStatus,
    done: z.number().int(),
    total: z.number().int(),
    notes: z.number().int(),
    cards: z.number().int(),
    reviews: z.number().int(),
    media: z.number().int(),
    /** The finished package, read with `data:readFile`. */
    file: exportedFile.nullable(),
    error: z.string().nullable(),
  }),
});

/** A stored media name: the sha256 of the file's bytes and its extension (services/anki/media-store.ts). */
export const storedMediaName = z.string().regex(/^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/, 'not a stored media name');

/** One of a note's imported sounds or pictures (a name from its `audio` or `images`), for a blob: URL. */
export const ankiMedia = defineContract({
  channel: 'anki:media',
  input: z.strictObject({ noteId: id, name: storedMediaName }),
  output: z.object({ mime: z.string(), bytes: z.number().int(), base64: z.string() }),
});

export const ankiContract = [ankiInspect, ankiImportStart, ankiImportResult, ankiCancel, ankiExportStart, ankiExportResult, ankiMedia] as const;
