import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, type Core } from '../../src-main/core';
import { caller, makeCore, MIGRATIONS_DIR, sampleProfile, tempDir } from '../support/test-core';

let cores: Core[] = [];
afterEach(async () => {
  for (const c of cores) await c.close();
  cores = [];
});
const open = async (...args: Parameters<typeof makeCore>) => {
  const core = await makeCore(...args);
  cores.push(core);
  return core;
};
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A copy of the real migrations plus one more, as the next version of Parley would ship. */
function migrationsWithOneMore(): string {
  const dir = tempDir('parley-migrations-');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string; when: number }[] };
  const idx = journal.entries.length;
  journal.entries.push({ idx, tag: `${String(idx).padStart(4, '0')}_next`, when: Date.now() });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(path.join(dir, `${String(idx).padStart(4, '0')}_next.sql`), 'ALTER TABLE `profiles` ADD `nickname` text;');
  return dir;
}

describe('database', () => {
  it('configures every connection as DESIGN.md asks and applies all migrations', async () => {
    const dataDir = tempDir();
    await (await open({ dataDir })).close();
    cores = [];
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length);
    db.close();
    const info = await caller(await open({ dataDir })).call('app:info', {});
    expect(info).toMatchObject({ problem: null, shell: 'test' });
    expect(info.schemaVersion).toBeGreaterThanOrEqual(3);
  });

  it('makes new database files with 16 KB pages and leaves the page size of an existing file alone', async () => {
    const fresh = tempDir();
    await (await open({ dataDir: fresh })).close();
    const older = tempDir();
    // A file from before the change: SQLite's default 4 KB pages.
    const made = new Database(path.join(older, DATABASE_FILE));
    made.pragma('page_size = 4096');
    made.pragma('journal_mode = WAL');
    made.close();
    const core = await open({ dataDir: older });
    await caller(core).call('profiles:create', { ...sampleProfile });
    await core.close();
    cores = [];
    const pageSize = (dir: string) => {
      const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
      try {
        return db.pragma('page_size', { simple: true });
      } finally {
        db.close();
      }
    };
    expect(pageSize(fresh)).toBe(16_384);
    expect(pageSize(older)).toBe(4096);
  });

  it('takes an online backup before running a pending migration', async () => {
    const dataDir = tempDir();
    const first = await open({ dataDir });
    await caller(first).call('profiles:create', { ...sampleProfile });
    await first.close();
    cores = [];
    const upgraded = await open({ dataDir, migrationsDir: migrationsWithOneMore() });
    const known = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;
    expect((await caller(upgraded).call('app:info', {})).schemaVersion).toBe(known + 1);
    const backup = readdirSync(path.join(dataDir, 'backups')).find((f) => f.startsWith(`parley-pre-migration-v${known}-`));
    expect(backup).toBeDefined();
    const copy = new Database(path.join(dataDir, 'backups', backup!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(known);
    expect(copy.prepare('SELECT display_name FROM profiles').pluck().all()).toEqual(['Ana']);
    copy.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dataDir = tempDir();
    await (await open({ dataDir, migrationsDir: migrationsWithOneMore() })).close();
    cores = [];
    const file = path.join(dataDir, DATABASE_FILE);
    const before = sha(file);
    const core = await open({ dataDir });
    expect(core.problem).toMatchObject({ kind: 'too_new', message: expect.stringMatching(/newer version of Parley/) });
    const listed = await core.dispatch('profiles:list', {}, core.openSession());
    expect(listed).toMatchObject({ ok: false, error: { code: 'RECOVERY_REQUIRED' } });
    await core.close();
    cores = [];
    expect(sha(file)).toBe(before);
  });

  it('keeps a corrupt file aside, offers the latest backup and restores it', async () => {
    const dataDir = tempDir();
    let clock = Date.UTC(2026, 10, 1);
    const now = { now: () => clock };
    const first = await open({ dataDir, clock: now });
    await caller(first).call('profiles:create', { ...sampleProfile, displayName: 'Keeper' });
    await first.close();
    clock += 1000;
    await (await open({ dataDir, clock: now })).close(); // the launch after data exists takes the daily backup
    cores = [];
    const file = path.join(dataDir, DATABASE_FILE);
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0xab)]));
    const garbage = sha(file);

    const core = await open({ dataDir, clock: now });
    const info = await caller(core).call('app:info', {});
    expect(info.problem?.kind).toBe('corrupt');
    expect(info.problem?.backups.length).toBeGreaterThan(0);
    expect(sha(file)).toBe(garbage);

    const restored = await caller(core).call('app:restoreBackup', { name: info.problem!.backups[0]!.name });
    expect(sha(path.join(dataDir, restored.setAside!))).toBe(garbage);
    const user = caller(core);
    expect((await user.call('profiles:list', {})).profiles.map((p) => p.displayName)).toEqual(['Keeper']);
    expect((await user.call('app:info', {})).problem).toBeNull();
  });

  it('treats a truncated file and a file that is not SQLite as damaged, without changing them', async () => {
    for (const damage of ['truncate', 'text'] as const) {
      const dataDir = tempDir();
      const first = await open({ dataDir });
      const c = caller(first);
      await c.call('profiles:create', { ...sampleProfile });
      for (let i = 0; i < 50; i += 1) await c.call('profiles:update', { interests: [`interest ${i}`.padEnd(38, 'x')] });
      await first.close();
      cores = [];
      const file = path.join(dataDir, DATABASE_FILE);
      for (const ext of ['-wal', '-shm']) expect(existsSync(file + ext)).toBe(false);
      if (damage === 'truncate') truncateSync(file, Math.floor(statSync(file).size / 2));
      else writeFileSync(file, 'these are not the bytes you are looking for');
      const before = sha(file);
      const core = await open({ dataDir });
      expect(['corrupt', 'unreadable']).toContain(core.problem?.kind);
      expect(sha(file)).toBe(before);
    }
  });
});
