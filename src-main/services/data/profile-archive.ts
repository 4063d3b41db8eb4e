import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { mediaPath, STORED_MEDIA_NAME } from '../anki/media-store';

/** Tables a profile owns that stay out of its archive: its password hash, and the sync outbox (a copy of the rest). */
const LEFT_OUT = new Set(['profile_credentials', 'changes']);
const ROWS_PER_PIECE = 500;

export interface ArchiveRequest {
  databaseFile: string;
  dataDir: string;
  profileId: string;
  now: number;
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

export interface ArchiveSummary {
  path: string;
  fileName: string;
  rows: number;
  media: number;
}

/** Every table with a `profile_id` column, found from the schema so a table added later is not forgotten. */
export function profileTables(sqlite: Database.Database): string[] {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return tables
    .filter((t) => !LEFT_OUT.has(t) && !/_fts(_|$)/.test(t))
    .filter((t) => (sqlite.pragma(`table_info("${t}")`) as { name: string }[]).some((c) => c.name === 'profile_id'))
    .sort();
}

/**
 * The learner's own data as one zip: `profile.json` (the profile row and what is inside), `tables/<table>.jsonl`
 * (one JSON row a line, every row that carries their profile id) and `media/` (the sounds and pictures their notes
 * use). Read on its own read-only connection, a few hundred rows at a time with the event loop free in between,
 * and written through a stream, so a large profile never sits in memory whole.
 */
export async function writeProfileArchive(request: ArchiveRequest): Promise<ArchiveSummary> {
  const sqlite = new Database(request.databaseFile, { readonly: true, fileMustExist: true });
  const dir = path.join(request.dataDir, 'exports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `${randomBytes(8).toString('hex')}.zip`);
  try {
    const profile = sqlite.prepare('SELECT * FROM profiles WHERE id = ?').get(request.profileId) as Record<string, unknown> | undefined;
    if (!profile) throw new Error('That profile does not exist.');
    const tables = profileTables(sqlite);
    const counts = Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT count(*) FROM "${t}" WHERE profile_id = ?`).pluck().get(request.profileId) as number]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const media = mediaOf(sqlite, request.profileId, request.dataDir);
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(target, { mode: 0o600 }));
    zip.addBuffer(Buffer.from(JSON.stringify({ format: 'parley-profile', version: 1, exportedAt: new Date(request.now).toISOString(), profile, tables: counts, media: media.length }, null, 2)), 'profile.json');
    let done = 0;
    for (const table of tables) {
      zip.addReadStream(Readable.from(tableLines(sqlite, table, request, (n) => request.progress((done += n), total))), `tables/${table}.jsonl`);
    }
    for (const name of media) zip.addFile(mediaPath(request.dataDir, name), `media/${name}`, { compress: false });
    zip.end();
    await written;
    if (request.signal.aborted) throw new Error('The export was cancelled.');
    const safeName = String(profile.display_name ?? 'profile').replace(/[^\p{L}\p{N} _-]/gu, '_').trim().slice(0, 60) || 'profile';
    return { path: target, fileName: `Parley ${safeName} ${new Date(request.now).toISOString().slice(0, 10)}.zip`, rows: total, media: media.length };
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    sqlite.close();
  }
}

async function* tableLines(sqlite: Database.Database, table: string, request: ArchiveRequest, onRows: (n: number) => void): AsyncGenerator<string> {
  const withoutRowid = /without\s+rowid/i.test(String(sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(table) ?? ''));
  if (withoutRowid) {
    // Such tables are small keyed lists; they are read in one piece.
    const rows = sqlite.prepare(`SELECT * FROM "${table}" WHERE profile_id = ?`).all(request.profileId) as Record<string, unknown>[];
    onRows(rows.length);
    yield rows.map((row) => `${JSON.stringify(row)}\n`).join('');
    return;
  }
  const page = sqlite.prepare(`SELECT rowid AS __rowid, * FROM "${table}" WHERE profile_id = ? AND rowid > ? ORDER BY rowid LIMIT ${ROWS_PER_PIECE}`);
  let after = -Infinity;
  for (;;) {
    // A cancel ends the table early; the caller then throws the half-written archive away.
    if (request.signal.aborted) return;
    const rows = page.all(request.profileId, after) as ({ __rowid: number } & Record<string, unknown>)[];
    if (!rows.length) return;
    after = rows[rows.length - 1]!.__rowid;
    onRows(rows.length);
    yield rows.map(({ __rowid: _r, ...row }) => `${JSON.stringify(row)}\n`).join('');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function mediaOf(sqlite: Database.Database, profileId: string, dataDir: string): string[] {
  const names = new Set<string>();
  for (const row of sqlite.prepare('SELECT audio, images FROM notes WHERE profile_id = ? AND deleted_at IS NULL').iterate(profileId) as Iterable<{ audio: string; images: string }>) {
    for (const name of [...(JSON.parse(row.audio) as string[]), ...(JSON.parse(row.images) as string[])]) {
      if (STORED_MEDIA_NAME.test(name)) names.add(name);
    }
  }
  return [...names].filter((name) => existsSync(mediaPath(dataDir, name))).sort();
}
