import type Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BackupFile {
  name: string;
  createdAt: number;
  bytes: number;
}

const BACKUP_PATTERN = /^parley-([a-z0-9-]+)-(\d{8}T\d{6}Z)\.db$/;

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
