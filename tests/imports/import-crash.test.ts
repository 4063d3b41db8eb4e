import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/core';
import { dbFingerprint } from '../support/db-fingerprint';
import { importingLearner, writeGeneratedCsv } from '../support/csv-fixtures';
import { makeCore, tempDir } from '../support/test-core';

const ROUNDS = 3;
const CHILD = path.resolve(import.meta.dirname, '../support/import-kill-child.ts');

/** Runs the importing child until its worker is writing, waits `afterMs` more, and kills the whole process. */
function killWhileWriting(dataDir: string, csv: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, csv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('writing') && !child.killed) setTimeout(() => child.kill('SIGKILL'), afterMs).unref();
    });
    child.stderr.on('data', (data: Buffer) => (err += data.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the import ended without being killed: ${err}`))));
  });
}

describe('a process killed in the middle of an import', () => {
  it(`leaves no half-imported deck (${ROUNDS} rounds of SIGKILL)`, async () => {
    const dataDir = tempDir('parley-import-kill-');
    const setup = await importingLearner(await makeCore({ dataDir, logLevel: 'warn' }));
    setup.services.notes.create(setup.profileId, setup.deckId, { term: 'ya', translation: 'already', examples: [], partOfSpeech: null, gender: null, ipa: null, tags: [] }, 'manual');
    const csv = path.join(setup.dir, 'words.csv');
    await writeGeneratedCsv(csv, { rows: 80_000 });
    await setup.core.close();
    const before = dbFingerprint(dataDir);

    for (let round = 0; round < ROUNDS; round += 1) {
      await killWhileWriting(dataDir, csv, Math.floor(Math.random() * 400));
      const db = new Database(path.join(dataDir, DATABASE_FILE));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.prepare(`SELECT count(*) FROM decks WHERE name = 'Killed'`).pluck().get()).toBe(0);
      } finally {
        db.close();
      }
      expect(dbFingerprint(dataDir)).toBe(before);
    }
  }, 300_000);
});
