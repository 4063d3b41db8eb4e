import { z } from 'zod';

/**
 * The plaintext inside one encrypted sync message: a run of one profile's changes from a device's outbox, in the
 * order they were made. Column names are SQL names so another version of the app can read them; a change for a
 * table or column this version does not know is parked, not dropped.
 */
export const MESSAGE_VERSION = 1;

const MAX_COLUMN_NAME = 64;

function isColumnValues(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (key.length > MAX_COLUMN_NAME) return false;
  return true;
}

export const syncChange = z.object({
  /** SQL table name. */
  t: z.string().min(1).max(64),
  /** Row id. */
  r: z.string().min(1).max(200),
  o: z.enum(['insert', 'update', 'delete']),
  /** HLC of the write. */
  h: z.string().min(1).max(200),
  /**
   * The values written, by SQL column name. A plain object with short keys, checked by one predicate rather than
   * key by key (`z.record` costs several times the JSON parse on the million changes of a first sync).
   */
  d: z.custom<Record<string, unknown>>(isColumnValues, 'column values'),
});
export type SyncChange = z.infer<typeof syncChange>;

export const syncMessage = z.object({
  v: z.literal(MESSAGE_VERSION),
  profileId: z.string().min(1).max(200),
  changes: z.array(syncChange).max(100_000),
});
export type SyncMessage = z.infer<typeof syncMessage>;
