import { eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from './open';
import { cards, changes, deckPresets, decks, notes, profileSettings, profiles, reviewLogs } from './schema';
import type { HlcClock } from './hlc-clock';

/** Every table whose rows sync between devices. Writes to them go through `createMutator` only. */
export const syncedTables = { profiles, profileSettings, deckPresets, decks, notes, cards, reviewLogs } as const;
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
  /** Many inserts with one prepared statement each for rows and changes: the import path. */
  insertMany<T extends SyncedTable>(table: T, profileId: string, rows: InsertRow<T>[]): void;
  update<T extends SyncedTable>(table: T, profileId: string, id: string, patch: Patch<T>): void;
  /** Soft delete: the row keeps a tombstone so the delete can sync. */
  remove<T extends SyncedTable>(table: T, profileId: string, id: string): void;
  /**
   * Takes back a row inserted moments ago that has not left this device (undo of an answer): the row and its
   * insert change go together. Refuses when the change was already sent, so the caller can tombstone instead.
   */
  retract<T extends SyncedTable>(table: T, profileId: string, id: string): void;
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

  const bulk = new Map<SyncedTable, BulkInsert>();
  const bulkFor = (table: SyncedTable) => {
    let prepared = bulk.get(table);
    if (!prepared) bulk.set(table, (prepared = prepareBulkInsert(db, table)));
    return prepared;
  };

  return {
    insertMany(table, profileId, rows) {
      const { insertRow, insertChange, toDriver } = bulkFor(table);
      inTransaction(() => {
        for (const row of rows) {
          const hlc = clock.next();
          const full = { ...row, updatedAt: hlc, deletedAt: null } as Record<string, unknown>;
          insertRow.run(toDriver(full));
          insertChange.run(uuidv7(), hlc, profileId, getTableName(table), full.id, 'insert', JSON.stringify(toColumnNames(table, full)));
        }
      });
    },
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
    retract(table, profileId, id) {
      inTransaction(() => {
        const name = getTableName(table);
        const change = db.$client
          .prepare(`DELETE FROM changes WHERE profile_id = ? AND table_name = ? AND row_id = ? AND op = 'insert' AND sent_at IS NULL`)
          .run(profileId, name, id);
        if (change.changes !== 1) throw new Error(`The ${name} row ${id} has already been shared and cannot be taken back`);
        const t = table as unknown as AnySynced;
        db.delete(t).where(eq(t.id, id)).run();
        db.$client.prepare(`DELETE FROM changes WHERE profile_id = ? AND table_name = ? AND row_id = ?`).run(profileId, name, id);
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

interface BulkInsert {
  insertRow: { run(values: Record<string, unknown>): unknown };
  insertChange: { run(...params: unknown[]): unknown };
  /** Row values keyed by SQL column name, converted as drizzle would (JSON text, 0/1). */
  toDriver(values: Record<string, unknown>): Record<string, unknown>;
}

function prepareBulkInsert(db: Db, table: SyncedTable): BulkInsert {
  const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>);
  const names = columns.map(([, c]) => c.name);
  const insertRow = db.$client.prepare(
    `INSERT INTO "${getTableName(table)}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`,
  );
  const insertChange = db.$client.prepare(
    'INSERT INTO changes (id, hlc, profile_id, table_name, row_id, op, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    insertRow,
    insertChange,
    toDriver(values) {
      const out: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = values[key] ?? (column.hasDefault && column.default !== undefined ? column.default : null);
        out[column.name] = value === null ? null : column.mapToDriverValue(value);
      }
      return out;
    },
  };
}
