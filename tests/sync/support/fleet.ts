import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DATABASE_FILE } from '../../../src-main/core';
import type { SyncAccount } from '../../../src-main/services/sync/engine';
import { caller, makeCore, removeDir, tempDir } from '../../support/test-core';
import type { Core } from '../../../src-main/core';
import type { Device } from './devices';

/**
 * Cheap devices for property tests: a migrated database is copied instead of migrated per device (a fresh core
 * costs ~200 ms, a copy ~35 ms). Each copy gets its own device id, so HLC timestamps of devices never tie.
 */
export async function makeTemplate(): Promise<{ file: string; dispose(): void }> {
  const dir = tempDir('parley-sync-template-');
  const core = await makeCore({ dataDir: dir, logLevel: 'silent' });
  await core.close();
  return { file: path.join(dir, DATABASE_FILE), dispose: () => removeDir(dir) };
}

export async function deviceFromFile(
  name: string,
  file: string,
  clock: { now(): number },
  account: SyncAccount,
  fresh: boolean,
): Promise<Device> {
  const dataDir = tempDir(`parley-sync-${name}-`);
  copyFileSync(file, path.join(dataDir, DATABASE_FILE));
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  if (fresh) {
    db.prepare(`UPDATE meta SET value = ? WHERE key = 'device_id'`).run(uuidv7());
    db.prepare(`DELETE FROM meta WHERE key = 'hlc'`).run();
  }
  db.prepare(
    `INSERT OR IGNORE INTO sync_state (profile_id, server_url, username, account_id, cursor, created_at) VALUES (?, 'memory:', 'ana', ?, '', 0)`,
  ).run(account.profileId, account.accountId);
  db.close();
  const core = await makeCore({ dataDir, clock, logLevel: 'silent' });
  const { services, sqlite } = core.internals();
  return {
    name,
    core,
    sqlite,
    c: caller(core),
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

/**
 * Devices kept for a whole property run and emptied between cases (a core costs ~200 ms to create, an emptied
 * database ~2 ms). Each keeps its device id, so HLC timestamps of different devices never tie.
 */
export async function makePool(size: number) {
  const clock = {
    t: 0,
    now() {
      return this.t;
    },
  };
  let account: SyncAccount | null = null;
  const cores: { core: Core; dataDir: string }[] = [];
  for (let i = 0; i < size; i += 1) {
    const dataDir = tempDir(`parley-sync-pool${i}-`);
    const core = await makeCore({ dataDir, clock, logLevel: 'silent' });
    // Durability is not under test here: without an fsync per commit a case costs a fraction.
    core.internals().sqlite.pragma('synchronous = OFF');
    cores.push({ core, dataDir });
  }
  const emptiers = new Map<Database.Database, () => void>();
  const empty = (sqlite: Database.Database) => {
    let run = emptiers.get(sqlite);
    if (!run) emptiers.set(sqlite, (run = emptier(sqlite)));
    run();
  };
  const emptier = (sqlite: Database.Database) => {
    const virtual = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)
      .pluck()
      .all() as string[];
    const tables = (
      sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .pluck()
        .all() as string[]
    ).filter(
      (name) => name !== 'meta' && !name.startsWith('__drizzle') && !virtual.some((v) => name.startsWith(`${v}_`)),
    );
    const deletes = ['profiles', ...tables].map((table) => sqlite.prepare(`DELETE FROM "${table}"`));
    return sqlite.transaction(() => {
      for (const statement of deletes) statement.run();
    });
  };
  return {
    clock,
    /** The first `count` devices, emptied. */
    devices(count: number): Device[] {
      return cores.slice(0, count).map(({ core, dataDir }, i) => {
        const { services, sqlite } = core.internals();
        empty(sqlite);
        return {
          name: `d${i}`,
          core,
          sqlite,
          c: caller(core),
          dataDir,
          async sync(session) {
            await services.sync.engine.push(session, account!);
            await services.sync.engine.pull(session, account!);
          },
          async close() {},
        };
      });
    },
    /** Links every device to the account (the profile must exist on the first). */
    link(devices: Device[], linked: SyncAccount) {
      account = linked;
      for (const d of devices)
        d.sqlite
          .prepare(
            `INSERT INTO sync_state (profile_id, server_url, username, account_id, cursor, created_at) VALUES (?, 'memory:', 'ana', ?, '', 0)`,
          )
          .run(linked.profileId, linked.accountId);
    },
    async dispose() {
      for (const { core, dataDir } of cores) {
        await core.close();
        removeDir(dataDir);
      }
    },
  };
}
