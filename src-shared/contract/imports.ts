import { z } from 'zod';
import { defineContract } from './define';
import { id, label } from '../domain/text';

/** A file handed to the core: uploaded through the web shell or picked in the desktop shell. */
export const fileId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a file id');

export const csvEncoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']);
export const csvDelimiter = z.enum([',', '\t', ';', '|']);

export const rowProblem = z.object({ line: z.number().int(), reason: z.string() });

export const columnMapping = z.strictObject({
  term: z.number().int().min(0).max(255),
  translation: z.number().int().min(0).max(255),
  example: z.number().int().min(0).max(255).nullable().default(null),
  exampleTranslation: z.number().int().min(0).max(255).nullable().default(null),
  partOfSpeech: z.number().int().min(0).max(255).nullable().default(null),
  gender: z.number().int().min(0).max(255).nullable().default(null),
  ipa: z.number().int().min(0).max(255).nullable().default(null),
  tags: z.number().int().min(0).max(255).nullable().default(null),
});
export type ColumnMapping = z.infer<typeof columnMapping>;

const readOptions = {
  fileId,
  encoding: csvEncoding.nullable().default(null),
  delimiter: csvDelimiter.nullable().default(null),
  hasHeader: z.boolean().nullable().default(null),
};

export const importCsvPreview = defineContract({
  channel: 'import:csvPreview',
  input: z.strictObject(readOptions),
  output: z.object({
    fileName: z.string(),
    bytes: z.number().int(),
    encoding: csvEncoding,
    delimiter: csvDelimiter,
    hasHeader: z.boolean(),
    /** Header names; '' for every column when the file has no header (the dialog names them by position). */
    columns: z.array(z.string()),
    /** The first data rows, each value cut to a few hundred characters. */
    rows: z.array(z.array(z.string())),
    /** A guess of which column holds what, from the header names. */
    suggestedMapping: columnMapping.partial(),
  }),
});

export const importCsvStart = defineContract({
  channel: 'import:csvStart',
  input: z.strictObject({
    ...readOptions,
    target: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('deck'), deckId: id }),
      z.strictObject({ kind: z.literal('newDeck'), name: label(120) }),
    ]),
    mapping: columnMapping,
    duplicates: z.enum(['skip', 'update', 'keepBoth']),
    /** Off: check only and report. On: write the valid rows. */
    commit: z.boolean(),
  }),
  output: z.object({ jobId: z.string() }),
});

export const importJobResult = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Bytes of the file read so far, and its size: the progress bar. */
  done: z.number().int(),
  total: z.number().int(),
  /** Data rows read (blank lines and the header not counted); each is imported, updated, skipped or rejected. */
  rows: z.number().int(),
  /** With `commit` off these say what would happen. */
  imported: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /** The first 1,000 rejected rows with their line and reason; rejectedCount counts all of them. */
  rejected: z.array(rowProblem),
  rejectedCount: z.number().int(),
  deckId: id.nullable(),
  committed: z.boolean(),
  error: z.string().nullable(),
});

export const importResult = defineContract({
  channel: 'import:result',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: importJobResult,
  invalidates: ['decks:list', 'browse:search', 'review:next'],
});

export const importCancel = defineContract({
  channel: 'import:cancel',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({ cancelled: z.boolean() }),
});

export const importsContract = [importCsvPreview, importCsvStart, importResult, importCancel] as const;
