import { eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from './open';
import { changes, profileSettings, profiles } from './schema';
import type { HlcClock } from './hlc-clock';

/** Every table whose rows sync between devices. Writes to them go through `createMutator` only. */
export const syncedTables = { profiles, profileSettings } as const;
export type SyncedTable = (typeof syncedTables)[keyof typeof syncedTables];

type SyncedColumns = {
  id: SQLiteColumn;
  updatedAt: SQLiteColumn;
  deletedAt: SQLiteColumn;
};
type AnySynced = SQLiteTableWithColumns<{
  name: string;
  schema: undefined;
  dialect: 'sqlite';
  columns: SyncedColumns & Record<string, SQLiteColumn>;
}>;

type InsertRow<T extends SyncedTable> = Omit<T['$inferInsert'], 'updatedAt' | 'deletedAt'>;
type Patch<T extends SyncedTable> = Partial<Omit<T['$inferInsert'], 'id' | 'updatedAt' | 'deletedAt' | 'profileId'>>;

export interface Mutator {
  insert<T extends SyncedTable>(table: T, profileId: string, row: InsertRow<T>): string;
  update<T extends SyncedTable>(table: T, profileId: string, id: string, patch: Patch<T>): void;
  /** Soft delete: the row keeps a tombstone so the delete can sync. */
  remove<T extends SyncedTable>(table: T, profileId: string, id: string): void;
}

/**
 * The one way to write a synced table. Each call writes the row and its change record in one transaction (nested
 * calls become savepoints inside the caller's transaction), so the outbox can never miss a committed write.
 */
export function createMutator(db: Db, clock: HlcClock): Mutator {
  const record = (table: SyncedTable, profileId: string, rowId: string, op: 'insert' | 'update' | 'delete', hlc: string, data: Record<string, unknown>) => {
    db.insert(changes).values({ id: uuidv7(), hlc, profileId, tableName: getTableName(table), rowId, op, data }).run();
  };
  const inTransaction = <R>(fn: () => R): R => db.$client.transaction(fn)();

  return {
    insert(table, profileId, row) {
      return inTransaction(() => {
        const hlc = clock.next();
        const values = { ...row, updatedAt: hlc, deletedAt: null } as Record<string, unknown>;
        db.insert(table as unknown as AnySynced).values(values).run();
        const id = String(values.id);
        record(table, profileId, id, 'insert', hlc, toColumnNames(table, values));
        return id;
      });
    },
    update(table, profileId, id, patch) {
      inTransaction(() => {
        const hlc = clock.next();
        const values = { ...patch, updatedAt: hlc } as Record<string, unknown>;
        const t = table as unknown as AnySynced;
        const result = db.update(t).set(values).where(eq(t.id, id)).run();
        if (result.changes !== 1) throw new Error(`No ${getTableName(table)} row ${id} to update`);
        record(table, profileId, id, 'update', hlc, toColumnNames(table, values));
      });
    },
    remove(table, profileId, id) {
      inTransaction(() => {
        const hlc = clock.next();
        const t = table as unknown as AnySynced;
        const deletedAt = clock.nowMs();
        const result = db.update(t).set({ updatedAt: hlc, deletedAt }).where(eq(t.id, id)).run();
        if (result.changes !== 1) throw new Error(`No ${getTableName(table)} row ${id} to delete`);
        record(table, profileId, id, 'delete', hlc, { updated_at: hlc, deleted_at: deletedAt });
      });
    },
  };
}

/** Change records name SQL columns, so they stay meaningful to another version of the app. */
function toColumnNames(table: SyncedTable, values: Record<string, unknown>): Record<string, unknown> {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const column = columns[key];
    if (column && value !== undefined) out[column.name] = value;
  }
  return out;
}
