import { z } from 'zod';
import { exportedFile } from './anki';
import { defineContract } from './define';
import { fileId } from './imports';

export const dataExportStart = defineContract({
  channel: 'data:exportStart',
  input: z.strictObject({}),
  output: z.object({ jobId: z.string() }),
});

export const dataExportResult = defineContract({
  channel: 'data:exportResult',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({
    jobId: z.string(),
    status: z.enum(['running', 'done', 'cancelled', 'failed']),
    done: z.number().int(),
    total: z.number().int(),
    /** Rows written, all tables together, and media files. */
    rows: z.number().int(),
    media: z.number().int(),
    file: exportedFile.nullable(),
    error: z.string().nullable(),
  }),
});

export const dataCancel = defineContract({
  channel: 'data:cancel',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({ cancelled: z.boolean() }),
});

/** A finished export's bytes, a piece at a time (the renderer saves them as one download). */
export const dataReadFile = defineContract({
  channel: 'data:readFile',
  input: z.strictObject({ fileId, offset: z.number().int().min(0).max(2 ** 40) }),
  output: z.object({
    base64: z.string(),
    bytes: z.number().int(),
    nextOffset: z.number().int().nullable(),
  }),
});

export const dataContract = [dataExportStart, dataExportResult, dataCancel, dataReadFile] as const;
