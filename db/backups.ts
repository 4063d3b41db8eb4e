import Database from 'better-sqlite3';
import { createReadStream, createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

export interface BackupFile {
  name: string;
  createdAt: number;
  bytes: number;
}

const BACKUP_PATTERN = /^parley-([a-z0-9-]+)-(\d{8}T\d{6}Z)\.db(\.gz)?$/;

export function backupFileName(kind: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `parley-${kind}-${stamp}.db`;
}

/** SQLite's online backup: consistent even while the database is in use. Written to a temp name, then renamed. */
export async function takeBackup(sqlite: Database.Database, file: string): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await sqlite.backup(partial);
  renameSync(partial, file);
  return file;
}

/** Backups, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_PATTERN.test(name))
    .map((name) => {
      const stat = statSync(path.join(dir, name));
      return { name, createdAt: Math.round(stat.mtimeMs), bytes: stat.size };
    })
    .sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` backups of one kind. */
export function pruneBackups(dir: string, kind: string, keep: number): void {
  const ofKind = listBackups(dir).filter((b) => b.name.startsWith(`parley-${kind}-`));
  for (const old of ofKind.slice(keep)) rmSync(path.join(dir, old.name), { force: true });
}

/** Moves a database and its WAL files aside under a new name; returns the new main file name. */
export function setAside(file: string, suffix: string): string {
  const target = `${file}.${suffix}`;
  for (const ext of ['', '-wal', '-shm']) {
    try {
      renameSync(file + ext, target + ext);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return target;
}

/**
 * A compressed backup: SQLite's online backup into a temp file, then gzip (a vocabulary database shrinks to about
 * a quarter), renamed into place only when whole. Returns the backup's file name.
 */
export async function takeCompressedBackup(sqlite: Database.Database, dir: string, kind: string, nowMs: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const name = `${backupFileName(kind, nowMs)}.gz`;
  const raw = path.join(dir, `${name}.raw.partial`);
  const partial = path.join(dir, `${name}.partial`);
  try {
    await sqlite.backup(raw);
    await pipeline(createReadStream(raw), createGzip({ level: 6 }), createWriteStream(partial));
    renameSync(partial, path.join(dir, name));
    return name;
  } finally {
    rmSync(raw, { force: true });
    rmSync(partial, { force: true });
  }
}

const MONTH = (createdAt: number) => new Date(createdAt).toISOString().slice(0, 7);

/** Daily backups kept: the newest `keep`, and beyond them the newest of each calendar month. */
export function pruneDailyBackups(dir: string, keep: number): void {
  const daily = listBackups(dir).filter((b) => b.name.startsWith('parley-daily-'));
  const months = new Set(daily.slice(0, keep).map((b) => MONTH(b.createdAt)));
  for (const old of daily.slice(keep)) {
    const month = MONTH(old.createdAt);
    if (months.has(month)) rmSync(path.join(dir, old.name), { force: true });
    else months.add(month);
  }
}

export class BackupUnusableError extends Error {
  override readonly name = 'BackupUnusableError';
}

/**
 * A backup made ready to become the database: decompressed (when gzipped) beside `targetFile` and checked with
 * `integrity_check`. Returns the checked file's path; the caller renames it into place. Only names in `dir` that
 * look like backups are accepted.
 */
export async function prepareRestore(dir: string, name: string, targetFile: string): Promise<string> {
  const base = path.basename(name);
  if (!BACKUP_PATTERN.test(base)) throw new BackupUnusableError('That is not a Parley backup.');
  const source = path.join(dir, base);
  const ready = `${targetFile}.restoring`;
  rmSync(ready, { force: true });
  try {
    if (base.endsWith('.gz')) await pipeline(createReadStream(source), createGunzip(), createWriteStream(ready));
    else await pipeline(createReadStream(source), createWriteStream(ready));
  } catch {
    rmSync(ready, { force: true });
    throw new BackupUnusableError('That backup could not be read: it is missing or damaged.');
  }
  let probe: Database.Database | undefined;
  try {
    probe = new Database(ready, { readonly: true, fileMustExist: true });
    if (probe.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity_check failed');
  } catch {
    probe?.close();
    rmSync(ready, { force: true });
    throw new BackupUnusableError('That backup is damaged. Choose an older one.');
  }
  probe.close();
  return ready;
}
