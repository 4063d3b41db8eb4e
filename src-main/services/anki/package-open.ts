import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseLegacyMediaMap, parseProtobufMediaMap, type PackageMedia } from './media-map';
import { AnkiPackageError } from './package-errors';
import { MAX_MEMBER_BYTES, openPackageZip, type PackageZip } from './package-zip';
import { isZstd, zstdDecode, zstdTransform } from './zstd-stream';

/** Which collection a package carries: Anki 2.0's, 2.1's legacy export, or the current zstd-compressed one. */
export type CollectionFormat = 'anki2' | 'anki21' | 'anki21b';

export interface OpenedPackage {
  format: CollectionFormat;
  /** The collection, extracted to a private temp copy. Read with plain scans: see `openCollection`. */
  sqlite: Database.Database;
  media: PackageMedia[];
  /** A media file's bytes (decompressed for the current format). */
  readMedia(member: string): Promise<Buffer>;
  hasMember(member: string): boolean;
  close(): void;
}

/** A newer package also holds a stub `collection.anki2` telling old Ankis to update, so the newest wins. */
const COLLECTIONS: [CollectionFormat, string][] = [
  ['anki21b', 'collection.anki21b'],
  ['anki21', 'collection.anki21'],
  ['anki2', 'collection.anki2'],
];

const MAX_MEDIA_FILE_BYTES = 512 * 1024 * 1024;

export async function openPackage(file: string): Promise<OpenedPackage> {
  const zip = await openPackageZip(file);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-anki-'));
  const cleanup = () => {
    zip.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const found = COLLECTIONS.find(([, name]) => zip.has(name));
    if (!found) throw new AnkiPackageError('This zip holds no Anki collection: is it an .apkg or .colpkg file?');
    const [format, member] = found;
    const target = path.join(dir, 'collection.sqlite');
    await zip.extractTo(member, target, format === 'anki21b' ? () => zstdTransform('The collection', MAX_MEMBER_BYTES) : undefined);
    const media = await readMediaList(zip);
    const sqlite = openCollection(target);
    return {
      format,
      sqlite,
      media,
      hasMember: (name) => zip.has(name),
      async readMedia(name) {
        const bytes = await zip.readBuffer(name, MAX_MEDIA_FILE_BYTES);
        return format === 'anki21b' && isZstd(bytes) ? zstdDecode(bytes, `The media file ${name}`, MAX_MEDIA_FILE_BYTES) : bytes;
      },
      close() {
        if (sqlite.open) sqlite.close();
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

async function readMediaList(zip: PackageZip): Promise<PackageMedia[]> {
  if (!zip.has('media')) return [];
  const bytes = await zip.readBuffer('media', 64 * 1024 * 1024);
  if (isZstd(bytes)) return parseProtobufMediaMap(zstdDecode(bytes, 'The media list', 64 * 1024 * 1024));
  return parseLegacyMediaMap(bytes);
}

/**
 * Opens the extracted collection. Anki declares its name columns `COLLATE unicase`, a collation better-sqlite3
 * cannot register, and SQLite refuses even a plain scan of a WITHOUT ROWID table (schema 18's `fields`,
 * `templates`, `tags`) that declares one. So, on Parley's private temp copy only, the schema text is rewritten to
 * NOCASE and the indexes ordered by the old collation are dropped (their order would not match NOCASE); no query
 * of the import compares those names. Then `quick_check` vouches for the rest of the file.
 */
export function openCollection(file: string): Database.Database {
  let sqlite: Database.Database | undefined;
  try {
    replaceUnicase(file);
    sqlite = new Database(file, { fileMustExist: true });
    sqlite.pragma('journal_mode = DELETE');
    if (sqlite.pragma('quick_check', { simple: true }) !== 'ok') throw new AnkiPackageError(DAMAGED);
    const tables = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    for (const required of ['col', 'notes', 'cards']) {
      if (!tables.has(required)) throw new AnkiPackageError(`The package’s collection has no “${required}” table: it is not an Anki collection.`);
    }
    return sqlite;
  } catch (error) {
    sqlite?.close();
    throw asCollectionError(error);
  }
}

const UNICASE = /collate\s+unicase/gi;
const HAS_UNICASE = /collate\s+unicase/i;
const DAMAGED = 'The collection inside this package is damaged, so it cannot be imported. Export it from Anki again.';

function replaceUnicase(file: string): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    const rows = (sqlite.prepare('SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE sql IS NOT NULL').all() as { type: string; name: string; tbl: string; sql: string }[])
      .filter((row) => HAS_UNICASE.test(row.sql));
    if (!rows.length) return;
    // Defensive mode forbids editing sqlite_master; this connection only ever touches the temp copy.
    sqlite.unsafeMode(true);
    sqlite.pragma('writable_schema = ON');
    const update = sqlite.prepare('UPDATE sqlite_master SET sql = ? WHERE type = ? AND name = ?');
    for (const row of rows) update.run(row.sql.replace(UNICASE, 'COLLATE NOCASE'), row.type, row.name);
    sqlite.pragma('writable_schema = OFF');
    sqlite.close();
    const reopened = new Database(file, { fileMustExist: true });
    try {
      const tables = new Set(rows.filter((r) => r.type === 'table').map((r) => r.name));
      const indexes = reopened.prepare(`SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).all() as { name: string; tbl: string }[];
      for (const index of indexes) if (tables.has(index.tbl)) reopened.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
      // Its rows are ordered by the old collation itself; tags come from the notes anyway.
      if (tables.has('tags')) reopened.exec('DROP TABLE tags');
    } finally {
      reopened.close();
    }
  } finally {
    if (sqlite.open) sqlite.close();
  }
}

/** SQLite's own errors about a damaged file, in words the learner can act on. */
export function asCollectionError(error: unknown): Error {
  if (error instanceof AnkiPackageError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) {
    return new AnkiPackageError(DAMAGED);
  }
  if (code.startsWith('SQLITE_')) return new AnkiPackageError(`The collection inside this package could not be read (${code}).`);
  return error instanceof Error ? error : new Error(String(error));
}
