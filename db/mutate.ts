import type Database from 'better-sqlite3';
import { eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { newId as uuidv7 } from './ids';
import type { Db } from './open';
import { cards, changes, deckPresets, decks, notes, profileSettings, profiles, reviewLogs } from './schema';
import { tutorConversations, tutorCorrections, tutorDrillResults, tutorMessages } from './schema-tutor';
import { voiceTurns } from './schema-voice';
import type { HlcClock } from './hlc-clock';

/** Every table whose rows sync between devices. Writes to them go through `createMutator` only. */
export const syncedTables = { profiles, profileSettings, deckPresets, decks, notes, cards, reviewLogs, tutorConversations, tutorMessages, tutorCorrections, tutorDrillResults, voiceTurns } as const;
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
   * Many updates (browser bulk edits and their undo) with prepared statements and one HLC for the batch: its rows
   * changed at one instant. One change record per row, all in one transaction.
   */
  updateMany<T extends SyncedTable>(table: T, profileId: string, rows: { id: string; patch: Patch<T> }[]): void;
  /** Many tombstones (deleting a deck with its notes and cards), like updateMany. */
  removeMany<T extends SyncedTable>(table: T, profileId: string, ids: string[]): void;
  /** Lifts tombstones again (undo of a bulk delete), like updateMany. */
  restoreMany<T extends SyncedTable>(table: T, profileId: string, ids: string[]): void;
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

  // By table and the patch's keys in their own order (a bulk update's rows mostly share one): the prepared update
  // and the column names its change record uses, in that order.
  const updates = new Map<string, BulkUpdate & { names: string[] }>();
  const updateFor = (table: SyncedTable, keys: string[]) => {
    const key = `${getTableName(table)}:${keys.join(',')}`;
    let prepared = updates.get(key);
    if (!prepared) {
      const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
      updates.set(key, (prepared = { ...prepareBulkUpdate(db, table, [...keys].sort()), names: keys.map((k) => columns[k]?.name ?? k) }));
    }
    return prepared;
  };
  const updateEach = (table: SyncedTable, profileId: string, op: 'update' | 'delete', rows: { id: string; values: Record<string, unknown> }[]) => {
    inTransaction(() => {
      const hlc = clock.next();
      const name = getTableName(table);
      for (const { id, values } of rows) {
        // The patch's defined values, then updated_at: the keys and order the change record has always had.
        const full: Record<string, unknown> = {};
        const keys: string[] = [];
        for (const [key, value] of Object.entries(values)) {
          if (value === undefined || key === 'updatedAt') continue;
          full[key] = value;
          keys.push(key);
        }
        full.updatedAt = hlc;
        keys.push('updatedAt');
        const { run, insertChange, names } = updateFor(table, keys);
        if (run(id, profileId, full) !== 1) throw new Error(`No ${name} row ${id} to update`);
        const data: Record<string, unknown> = {};
        for (let k = 0; k < keys.length; k += 1) data[names[k]!] = full[keys[k]!];
        insertChange.run(uuidv7(), hlc, profileId, name, id, op, JSON.stringify(data));
      }
    });
  };

  const mutator: Mutator = {
    updateMany(table, profileId, rows) {
      updateEach(table, profileId, 'update', rows.map(({ id, patch }) => ({ id, values: patch as Record<string, unknown> })));
    },
    removeMany(table, profileId, ids) {
      const deletedAt = clock.nowMs();
      updateEach(table, profileId, 'delete', ids.map((id) => ({ id, values: { deletedAt } })));
    },
    restoreMany(table, profileId, ids) {
      updateEach(table, profileId, 'update', ids.map((id) => ({ id, values: { deletedAt: null } })));
    },
    insertMany(table, profileId, rows) {
      const { insertFlat, bindRow, insertChange, lastRowid, recordChangesSince } = bulkFor(table);
      inTransaction(() => {
        const sqlChanges = rows.length >= SQL_CHANGES_FROM ? recordChangesSince : null;
        const since = sqlChanges ? lastRowid.get() : 0;
        // Each row's HLC, for change records written here (not in SQL).
        const stamps: string[] = [];
        for (let start = 0; start < rows.length; start += BULK_INSERT_ROWS) {
          // Straight into the statement's parameters: no row object or array per row (an Anki import's half a
          // million answers).
          const end = Math.min(rows.length, start + BULK_INSERT_ROWS);
          insertFlat(end - start, (row, out) => {
            const hlc = clock.next();
            if (!sqlChanges) stamps.push(hlc);
            bindRow(rows[start + row] as Record<string, unknown>, hlc, out);
          });
        }
        if (sqlChanges) return void sqlChanges.run(profileId, since);
        const name = getTableName(table);
        rows.forEach((row, i) => {
          const full = { ...row, updatedAt: stamps[i], deletedAt: null } as Record<string, unknown>;
          insertChange.run(uuidv7(), stamps[i], profileId, name, full.id, 'insert', JSON.stringify(toColumnNames(table, full)));
        });
      });
    },
    // Single rows take the prepared paths too: building a drizzle query per call cost ~0.5 ms, a quarter of the
    // review answer's budget (one log insert and one or two card updates per answer).
    insert(table, profileId, row) {
      mutator.insertMany(table, profileId, [row]);
      return String((row as { id: unknown }).id);
    },
    update(table, profileId, id, patch) {
      updateEach(table, profileId, 'update', [{ id, values: patch as Record<string, unknown> }]);
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
  return mutator;
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

/**
 * Rows per INSERT statement in insertMany. A statement that fires a trigger into an FTS5 table runs in a savepoint,
 * and FTS5 flushes its pending index at every savepoint: one statement per row made each note insert ~4x dearer.
 */
const BULK_INSERT_ROWS = 100;

/**
 * From this many rows on, insertMany writes the change records in one INSERT … SELECT over the new rows (an import
 * of 100k notes: about a second less than a prepared insert and a JSON.stringify per row). The JSON holds the same
 * keys and values as the per-row path writes (SQLite prints a REAL with the digits that read back as the same
 * double; tests/vocabulary/bulk-notes.test.ts compares the two paths).
 */
const SQL_CHANGES_FROM = 32;

interface BulkInsert {
  /** Inserts `count` (up to BULK_INSERT_ROWS) rows with one statement; `fill` writes their values into its parameters. */
  insertFlat(count: number, fill: (row: number, out: { values: unknown[]; at: number }) => void): void;
  /**
   * Writes a row's values (with this `updated_at`, no tombstone) in column order at `out.at`, converted as drizzle
   * would (JSON text, 0/1; a column's default for an absent value).
   */
  bindRow(row: Record<string, unknown>, updatedAt: string, out: { values: unknown[]; at: number }): void;
  insertChange: { run(...params: unknown[]): unknown };
  lastRowid: { get(): unknown };
  /** Records an insert change for every row after the given rowid, in rowid order; null where JSON would differ. */
  recordChangesSince: { run(profileId: string, since: unknown): unknown } | null;
}

interface BulkUpdate {
  /** Updates one row of the profile; returns how many rows changed. */
  run(id: string, profileId: string, values: Record<string, unknown>): number;
  insertChange: { run(...params: unknown[]): unknown };
}

function prepareBulkUpdate(db: Db, table: SyncedTable, keys: string[]): BulkUpdate {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const used = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return [key, column] as const;
  });
  const owned = 'profileId' in columns;
  const statement = db.$client.prepare(
    `UPDATE "${getTableName(table)}" SET ${used.map(([, c]) => `"${c.name}" = @${c.name}`).join(', ')} WHERE id = @__id${owned ? ' AND profile_id = @__profile' : ''}`,
  );
  const insertChange = db.$client.prepare(
    'INSERT INTO changes (id, hlc, profile_id, table_name, row_id, op, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    insertChange,
    run(id, profileId, values) {
      const params: Record<string, unknown> = owned ? { __id: id, __profile: profileId } : { __id: id };
      for (const [key, column] of used) params[column.name] = values[key] === null ? null : column.mapToDriverValue(values[key]);
      return statement.run(params).changes;
    },
  };
}

function prepareBulkInsert(db: Db, table: SyncedTable): BulkInsert {
  const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>);
  const names = columns.map(([, c]) => c.name);
  const byCount = new Map<number, Database.Statement>();
  const statementFor = (count: number) => {
    let statement = byCount.get(count);
    if (!statement) {
      const tuple = `(${names.map(() => '?').join(', ')})`;
      statement = db.$client.prepare(`INSERT INTO "${getTableName(table)}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${Array(count).fill(tuple).join(', ')}`);
      byCount.set(count, statement);
    }
    return statement;
  };
  const insertChange = db.$client.prepare(
    'INSERT INTO changes (id, hlc, profile_id, table_name, row_id, op, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const name = getTableName(table);
  const jsonValue = (column: SQLiteColumn) => {
    const quoted = `"${column.name}"`;
    if (column.columnType === 'SQLiteTextJson') return `json(${quoted})`;
    if (column.columnType === 'SQLiteBoolean') return `CASE WHEN ${quoted} IS NULL THEN NULL WHEN ${quoted} THEN json('true') ELSE json('false') END`;
    return quoted;
  };
  // Timestamp-mode columns would print as numbers here but as ISO strings from JSON.stringify(Date): per-row path.
  const exact = columns.every(([, c]) => c.columnType !== 'SQLiteTimestamp' && c.columnType !== 'SQLiteTimestampMs');
  const recordChangesSince = exact
    ? db.$client.prepare(
        `INSERT INTO changes (id, hlc, profile_id, table_name, row_id, op, data)
         SELECT parley_new_id(), "updated_at", ?, '${name}', "id", 'insert',
                json_object(${columns.map(([, c]) => `'${c.name}', ${jsonValue(c)}`).join(', ')})
         FROM "${name}" WHERE rowid > ? ORDER BY rowid`,
      )
    : null;
  const keys = columns.map(([key]) => key);
  const defaults = columns.map(([, column]) => (column.hasDefault && column.default !== undefined ? column.default : null));
  const cols = columns.map(([, column]) => column);
  const params: unknown[][] = [];
  const out = { values: [] as unknown[], at: 0 };
  return {
    lastRowid: db.$client.prepare(`SELECT coalesce(max(rowid), 0) FROM "${name}"`).pluck(),
    recordChangesSince,
    insertFlat(count, fill) {
      if (!count) return;
      out.values = params[count] ??= new Array<unknown>(count * columns.length);
      out.at = 0;
      for (let row = 0; row < count; row += 1) fill(row, out);
      statementFor(count).run(out.values);
    },
    bindRow(row, updatedAt, into) {
      const values = into.values;
      let at = into.at;
      for (let c = 0; c < keys.length; c += 1) {
        const key = keys[c]!;
        const value = key === 'updatedAt' ? updatedAt : key === 'deletedAt' ? defaults[c] : (row[key] ?? defaults[c]);
        values[at++] = value === null || value === undefined ? null : cols[c]!.mapToDriverValue(value);
      }
      into.at = at;
    },
    insertChange,
  };
}
