import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { syncedTables } from '../../../db/mutate';

/** What sync needs to know about a synced table, by SQL names. */
export interface SyncedTableInfo {
  name: string;
  /** SQL column name → drizzle column (for the JSON/boolean conversion to driver values). */
  columns: Map<string, SQLiteColumn>;
  /** Has a profile_id column (every synced table but profiles, whose id is the profile id). */
  owned: boolean;
  /** Append-only rows (the review log): merged by union, never compared field by field. */
  appendOnly: boolean;
}

const APPEND_ONLY = new Set(['review_logs']);

let cached: Map<string, SyncedTableInfo> | null = null;

/** The synced tables this version knows, by SQL table name. */
export function syncedTableInfo(): Map<string, SyncedTableInfo> {
  if (cached) return cached;
  cached = new Map();
  for (const table of Object.values(syncedTables)) {
    const name = getTableName(table);
    const columns = new Map(
      Object.values(getTableColumns(table) as Record<string, SQLiteColumn>).map((c) => [c.name, c]),
    );
    cached.set(name, { name, columns, owned: columns.has('profile_id'), appendOnly: APPEND_ONLY.has(name) });
  }
  return cached;
}

/** Column types the driver stores as they come in JSON (no mapping needed). */
const PLAIN_TYPES = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

/** A value from a change record (JSON) as the driver stores it: JSON columns as text, booleans as 0/1. */
export function toDriver(column: SQLiteColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (PLAIN_TYPES.has(column.columnType) && typeof value !== 'object' && typeof value !== 'boolean') return value;
  return column.mapToDriverValue(value);
}
