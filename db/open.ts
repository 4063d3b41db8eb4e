import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { DatabaseCorruptError, DatabaseTooNewError } from './errors';
import { readMigrations, type Migration } from './migrations-files';
import { backupFileName, takeBackup } from './backups';
import { registerFunctions } from './functions';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  schemaVersion: number;
  /** The backup taken before migrating, when there was anything to migrate. */
  preMigrationBackup: string | null;
}

export interface OpenOptions {
  file: string;
  migrationsDir: string;
  backupsDir: string;
  now: () => number;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * The page size of a database file Parley creates: 16 KB rather than SQLite's 4 KB. Card and note rows carry
 * up to four 36-character ids and most indexes lead with one or two, so a 4 KB page holds few entries: bigger
 * pages make the trees shallower and split less. Measured (npm run bench, 4 KB → 16 KB): a CSV import of 100k
 * rows 5.3 → 4.3 s in-process; the price is paid by scattered small writes: an answer 0.97 → 1.16 ms (p50), a first
 * sync 46 → 50 s. A file that exists keeps its page size (changing it means rewriting the whole file).
 */
export const NEW_FILE_PAGE_SIZE = 16_384;

/** Settings every connection gets (DESIGN.md, Data). */
export function configureConnection(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  registerFunctions(sqlite);
}

/**
 * Opens (or creates) the database: checks it read-only first so a damaged or newer file is left exactly as it was,
 * takes an online backup when migrations are pending, then migrates.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = readMigrations(options.migrationsDir);
  mkdirSync(path.dirname(options.file), { recursive: true });
  const existing = existsSync(options.file) && statSync(options.file).size > 0;
  const fileVersion = existing ? inspectExisting(options.file, migrations.length) : 0;

  const sqlite = new Database(options.file);
  try {
    if (!existing) sqlite.pragma(`page_size = ${NEW_FILE_PAGE_SIZE}`);
    configureConnection(sqlite);
    let preMigrationBackup: string | null = null;
    if (fileVersion > 0 && fileVersion < migrations.length) {
      preMigrationBackup = path.join(options.backupsDir, backupFileName(`pre-migration-v${fileVersion}`, options.now()));
      await takeBackup(sqlite, preMigrationBackup);
    }
    applyMigrations(sqlite, migrations);
    return { sqlite, db: drizzle(sqlite, { schema }), schemaVersion: migrations.length, preMigrationBackup };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Read-only checks of a file that already exists. Returns its schema version. */
function inspectExisting(file: string, knownVersion: number): number {
  if (!hasSqliteHeader(file)) throw new DatabaseCorruptError(file, 'not an SQLite database file');
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseCorruptError(file, String(check));
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > knownVersion) throw new DatabaseTooNewError(file, version, knownVersion);
    return version;
  } catch (error) {
    if (error instanceof DatabaseCorruptError || error instanceof DatabaseTooNewError) throw error;
    throw new DatabaseCorruptError(file, error instanceof Error ? error.message : String(error));
  } finally {
    probe?.close();
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** Each pending migration runs in its own transaction together with the bump of `user_version`. */
function applyMigrations(sqlite: Database.Database, migrations: Migration[]): void {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations.slice(current)) {
    sqlite.transaction(() => {
      for (const statement of migration.statements) sqlite.exec(statement);
      sqlite.pragma(`user_version = ${migration.version}`);
    })();
  }
}
