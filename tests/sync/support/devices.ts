import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Core } from '../../../src-main/core';
import { newDataKey } from '../../../src-main/services/sync/crypto';
import type { SyncAccount } from '../../../src-main/services/sync/engine';
import { syncedTableInfo } from '../../../src-main/services/sync/tables';
import type { SyncSession } from '../../../src-main/providers/sync/transport';
import { caller, makeCore, removeDir, sampleProfile, tempDir } from '../../support/test-core';
import { createHash } from 'node:crypto';

/** A clock shared by simulated devices, moved by the test. */
export function sharedClock(start = Date.UTC(2026, 0, 15, 12)) {
  return {
    t: start,
    now() {
      return this.t;
    },
  };
}

export interface Device {
  name: string;
  core: Core;
  sqlite: Database.Database;
  c: ReturnType<typeof caller>;
  dataDir: string;
  /** Push then pull over the given session. */
  sync(session: SyncSession): Promise<void>;
  close(): Promise<void>;
}

export async function makeDevice(name: string, clock: { now(): number }, account: SyncAccount): Promise<Device> {
  const dataDir = tempDir(`parley-sync-${name}-`);
  const core = await makeCore({ dataDir, clock, logLevel: 'silent' });
  const { services, sqlite } = core.internals();
  sqlite
    .prepare(
      `INSERT INTO sync_state (profile_id, server_url, username, account_id, cursor, created_at) VALUES (?, 'memory:', 'ana', ?, '', 0)`,
    )
    .run(account.profileId, account.accountId);
  const c = caller(core);
  return {
    name,
    core,
    sqlite,
    c,
    dataDir,
    async sync(session) {
      await services.sync.engine.push(session, account);
      await services.sync.engine.pull(session, account);
    },
    async close() {
      await core.close();
      removeDir(dataDir);
    },
  };
}

/** The first device: a profile with a deck and some notes, linked to a fresh account. */
export async function seedDevice(clock: { now(): number }, notes = 3) {
  const dataDir = tempDir('parley-sync-seed-');
  const core = await makeCore({ dataDir, clock, logLevel: 'silent' });
  const c = caller(core);
  const { profile } = await c.call('profiles:create', { ...sampleProfile });
  const { deck } = await c.call('decks:create', { name: 'Spanish' });
  for (let i = 0; i < notes; i += 1)
    await c.call('notes:create', { deckId: deck.id, term: `palabra${i}`, translation: `word${i}` });
  const account: SyncAccount = { profileId: profile.id, accountId: randomUUID(), dataKey: newDataKey() };
  await core.close();
  return { dataDir, account, deckId: deck.id };
}

/** Opens the seeded data folder as a device. */
export async function openSeed(
  seed: { dataDir: string; account: SyncAccount },
  clock: { now(): number },
): Promise<Device> {
  const core = await makeCore({ dataDir: seed.dataDir, clock, logLevel: 'silent' });
  const { services, sqlite } = core.internals();
  sqlite
    .prepare(
      `INSERT OR IGNORE INTO sync_state (profile_id, server_url, username, account_id, cursor, created_at) VALUES (?, 'memory:', 'ana', ?, '', 0)`,
    )
    .run(seed.account.profileId, seed.account.accountId);
  const c = caller(core);
  await c.call('profiles:signIn', { profileId: seed.account.profileId });
  return {
    name: 'seed',
    core,
    sqlite,
    c,
    dataDir: seed.dataDir,
    async sync(session) {
      await services.sync.engine.push(session, seed.account);
      await services.sync.engine.pull(session, seed.account);
    },
    async close() {
      await core.close();
      removeDir(seed.dataDir);
    },
  };
}

/**
 * A hash of the profile's rows in every synced table, in id order. Left out: `cards.position` (a local ordering of
 * new cards derived from the note's local rowid) and `profiles.is_admin` (granted per machine, never synced in).
 */
export function syncedFingerprint(sqlite: Database.Database, profileId: string): string {
  const hash = createHash('sha256');
  for (const info of [...syncedTableInfo().values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const where = info.owned ? 'profile_id = ?' : 'id = ?';
    hash.update(info.name);
    for (const row of sqlite
      .prepare(`SELECT * FROM "${info.name}" WHERE ${where} ORDER BY id`)
      .all(profileId) as Record<string, unknown>[]) {
      if (info.name === 'cards') delete row.position;
      if (info.name === 'profiles') delete row.is_admin;
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}

/** A readable dump of the same rows, for a failing comparison. */
export function syncedRows(sqlite: Database.Database, profileId: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const info of syncedTableInfo().values()) {
    const where = info.owned ? 'profile_id = ?' : 'id = ?';
    out[info.name] = (
      sqlite.prepare(`SELECT * FROM "${info.name}" WHERE ${where} ORDER BY id`).all(profileId) as Record<
        string,
        unknown
      >[]
    ).map((row) => {
      if (info.name === 'cards') delete row.position;
      if (info.name === 'profiles') delete row.is_admin;
      return row;
    });
  }
  return out;
}

/**
 * What a device derives from its synced rows and keeps up to date as it writes: the review totals per 15 minutes
 * (review_buckets, empty ones left out) and the search index (each live note's entry, once).
 */
export function derivedData(sqlite: Database.Database) {
  return {
    buckets: sqlite
      .prepare(
        `SELECT profile_id, bucket_start, reviews, again, hard, good, easy, introduced, review_passed, review_failed, duration_ms
         FROM review_buckets WHERE reviews <> 0 ORDER BY profile_id, bucket_start`,
      )
      .all(),
    search: sqlite
      .prepare(
        `SELECT f.note_id, f.term, f.translation, f.tags FROM notes_fts f JOIN notes_fts_rows r ON r.fts_rowid = f.rowid AND r.note_id = f.note_id
         ORDER BY f.note_id`,
      )
      .all(),
    searchEntries: sqlite.prepare('SELECT count(*) FROM notes_fts').pluck().get(),
  };
}

/** The same, computed from the rows as they are now. */
export function derivedFromScratch(sqlite: Database.Database) {
  return {
    buckets: sqlite
      .prepare(
        `SELECT profile_id, reviewed_at - reviewed_at % 900000 AS bucket_start, count(*) AS reviews, sum(rating = 1) AS again,
           sum(rating = 2) AS hard, sum(rating = 3) AS good, sum(rating = 4) AS easy, sum(state_before = 0) AS introduced,
           sum(state_before = 2 AND rating > 1) AS review_passed, sum(state_before = 2 AND rating = 1) AS review_failed,
           sum(min(max(duration_ms, 0), 120000)) AS duration_ms
         FROM review_logs WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all(),
    search: sqlite
      .prepare('SELECT id AS note_id, term, translation, tags FROM notes WHERE deleted_at IS NULL ORDER BY id')
      .all(),
    searchEntries: sqlite.prepare('SELECT count(*) FROM notes WHERE deleted_at IS NULL').pluck().get(),
  };
}
