import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/core';
import { tempDir } from '../support/test-core';

const ROUNDS = 50;
const WRITER = path.resolve(import.meta.dirname, '../support/kill-writer.ts');

/** Runs the writer until it has been writing for `afterMs`, then kills it; returns the numbers it said committed. */
function runAndKill(dataDir: string, first: number, afterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n') && !child.killed) setTimeout(() => child.kill('SIGKILL'), afterMs).unref();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended without being killed: ${err}`));
      resolve([...out.matchAll(/^committed (\d+)$/gm)].map((m) => Number(m[1])));
    });
  });
}

describe('a write killed mid-way', () => {
  it(`leaves a healthy database holding every committed transaction (${ROUNDS} rounds of SIGKILL)`, async () => {
    const dataDir = tempDir('parley-kill-');
    let next = 0;
    let everCommitted = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const committed = await runAndKill(dataDir, next, Math.floor(Math.random() * 120));
      const db = new Database(path.join(dataDir, DATABASE_FILE));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const names = new Set(
          db
            .prepare(`SELECT json_extract(data, '$.display_name') FROM changes WHERE table_name = 'profiles' AND op = 'update'`)
            .pluck()
            .all() as string[],
        );
        for (const n of committed) expect(names.has(`Writer ${n}`)).toBe(true);
        // The row and its change record commit together: the profile shows the newest recorded name.
        const latest = db.prepare(`SELECT json_extract(data, '$.display_name') FROM changes WHERE table_name = 'profiles' ORDER BY seq DESC LIMIT 1`).pluck().get();
        expect(db.prepare('SELECT display_name FROM profiles').pluck().get()).toBe(latest);
      } finally {
        db.close();
      }
      everCommitted += committed.length;
      next += committed.length + 1000;
    }
    expect(everCommitted).toBeGreaterThan(ROUNDS);
  }, 600_000);
});
