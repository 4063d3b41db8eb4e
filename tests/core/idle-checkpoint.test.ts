import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdleCheckpointer } from '../../db/idle-checkpoint';
import { configureConnection } from '../../db/open';
import { removeDir, tempDir } from '../support/test-core';

let dir: string | undefined;
afterEach(() => {
  vi.useRealTimers();
  if (dir) removeDir(dir);
  dir = undefined;
});

/** Pages in the WAL not yet copied into the database file (a PASSIVE checkpoint of nothing reports them). */
function walPages(file: string): number {
  const probe = new Database(file);
  try {
    const [row] = probe.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    return row!.log - row!.checkpointed;
  } finally {
    probe.close();
  }
}

describe('the WAL is copied into the database while the app is idle, not inside a write', () => {
  it('leaves a busy stream of writes alone and checkpoints once calls pause', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'] });
    dir = tempDir('parley-checkpoint-');
    const file = path.join(dir, 'wal.db');
    const sqlite = new Database(file);
    configureConnection(sqlite);
    sqlite.exec('CREATE TABLE t (x BLOB)');
    const checkpointer = createIdleCheckpointer(sqlite, { idleMs: 250, everyMs: 1000 });
    const insert = sqlite.prepare('INSERT INTO t VALUES (randomblob(4000))');
    // 1,500 one-page commits, one call each: past SQLite's default threshold of 1,000 pages.
    for (let i = 0; i < 1500; i += 1) {
      await checkpointer.around(async () => {
        insert.run();
        // Calls in flight keep the checkpoint away even when the timer fires.
        if (i % 500 === 0) vi.advanceTimersByTime(1000);
      });
    }
    expect(walPages(file)).toBeGreaterThan(1500);
    const fileBefore = statSync(file).size;
    // Idle: the next look copies everything.
    vi.advanceTimersByTime(1000);
    expect(walPages(file)).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(fileBefore + 1500 * 4000);
    checkpointer.stop();
    sqlite.close();
  });
});
