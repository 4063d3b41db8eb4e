import { readdirSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, type Core } from '../../src-main/core';
import { decodeNotes, encodeNotes, notesOf, PARSE_BATCH_ROWS } from '../../src-main/services/imports/csv-batches';
import type { ImportWorkerData } from '../../src-main/services/imports/import-protocol';
import { runImport } from '../../src-main/services/imports/import-run';
import { MAX_BATCHES_IN_FLIGHT, openRowSource, PARALLEL_FROM_BYTES, Sync, type ParseWorkerData } from '../../src-main/services/imports/row-source';
import { launchWorker } from '../../src-main/workers/launch';
import type { EventPayload } from '../../src-shared/contract';
import { dbFingerprint } from '../support/db-fingerprint';
import { importingLearner, writeGeneratedCsv } from '../support/csv-fixtures';
import { makeCore, tempDir } from '../support/test-core';

const ALL_COLUMNS = { term: 0, translation: 1, example: 2, exampleTranslation: 3, partOfSpeech: 4, gender: 5, ipa: 6, tags: 7 };
const READ = { encoding: 'utf-8', delimiter: ',', newline: '\n', hasHeader: true, width: 8 } as const;

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function learnerWithFile(rows: number) {
  const dataDir = tempDir();
  core = await makeCore({ dataDir, logLevel: 'warn' });
  const l = await importingLearner(core);
  const file = path.join(l.dir, 'words.csv');
  await writeGeneratedCsv(file, { rows });
  expect(statSync(file).size).toBeGreaterThan(PARALLEL_FROM_BYTES);
  return { ...l, dataDir, file };
}

/** Whether this process holds the file open (Linux: /proc/self/fd); null where that cannot be seen. */
function isOpen(file: string): boolean | null {
  try {
    return readdirSync('/proc/self/fd').some((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return null;
  }
}

/** Starts tests/support/failing-csv-parser.ts the way launchWorker starts workers from source. */
function failingParser(how: 'throw' | 'exit', failAfterBatches: number) {
  return (data: ParseWorkerData) => {
    const entry = JSON.stringify(pathToFileURL(path.resolve(import.meta.dirname, '../support/failing-csv-parser.ts')).href);
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { eval: true, workerData: { ...data, how, failAfterBatches } });
  };
}

describe('reading the file on a second thread', () => {
  it('hands the notes over as one string and gets the same notes back', () => {
    const notes = [
      { term: 'casa', translation: 'house', examples: [{ text: 'Mi casa.', translation: '' }, { text: 'Tu casa.', translation: 'Your house.' }], partOfSpeech: 'noun', gender: 'f', ipa: 'ˈka.sa', tags: ['home', 'a'] },
      { term: 'ir', translation: 'to go', examples: [], partOfSpeech: null, gender: null, ipa: null, tags: [] },
    ];
    expect(decodeNotes(encodeNotes(notes))).toEqual(notes);
    expect(decodeNotes(encodeNotes([]))).toEqual([]);
  });

  for (const how of ['throw', 'exit'] as const) {
    it(`fails the import with a clear message and writes nothing when the reader ${how === 'throw' ? 'fails' : 'dies'}`, async () => {
      const l = await learnerWithFile(30_000);
      const before = dbFingerprint(l.dataDir);
      const data: ImportWorkerData = {
        databaseFile: path.join(l.dataDir, DATABASE_FILE), filePath: l.file, profileId: l.profileId, target: { kind: 'newDeck', name: 'Broken', nativeLanguage: 'en', targetLanguage: 'es' },
        read: READ, mapping: ALL_COLUMNS, duplicates: 'skip', commit: true, startedAt: Date.now(), control: new SharedArrayBuffer(4),
      };
      const reported: number[] = [];
      // The reader's messages come in order, so the writer takes the 6 batches (12000 rows) before the failure and
      // has written 10000 notes inside the transaction by then.
      const run = runImport(data, (m) => m.type === 'progress' && reported.push(m.counts.rows), failingParser(how, 6));
      const message = how === 'throw' ? /^Reading the file failed: The disk went away\. Nothing was saved\.$/ : /^Reading the file failed: the file reader stopped unexpectedly \(exit code 7\)\. Nothing was saved\.$/;
      await expect(run).rejects.toThrow(message);
      expect(reported.length).toBeGreaterThan(0);
      expect(reported.every((rows) => rows <= 6 * PARSE_BATCH_ROWS)).toBe(true);
      expect(dbFingerprint(l.dataDir)).toBe(before);
      expect(isOpen(l.file)).not.toBe(true);
    });
  }

  it('stops both threads on a cancel while the file is still being read, leaving nothing behind', async () => {
    const l = await learnerWithFile(120_000);
    const before = dbFingerprint(l.dataDir);
    const firstProgress = new Promise<void>((resolve) => {
      const stop = l.core.events.subscribe((event) => {
        const payload = event.payload as EventPayload<'jobs:progress'>;
        if (event.name === 'jobs:progress' && payload.phase === 'reading' && payload.done > 0) {
          stop();
          resolve();
        }
      });
    });
    const { jobId } = await l.c.call('import:csvStart', { fileId: l.fileIdOf(l.file), target: { kind: 'newDeck', name: 'Never' }, mapping: ALL_COLUMNS, duplicates: 'skip', commit: true });
    await firstProgress;
    expect(await l.c.call('import:cancel', { jobId })).toEqual({ cancelled: true });
    const result = await l.waitForImport(jobId);
    expect(result).toMatchObject({ status: 'cancelled', committed: false });
    // The job ends once the reader has stopped too and let go of the file.
    expect(isOpen(l.file)).not.toBe(true);
    expect(dbFingerprint(l.dataDir)).toBe(before);
  });

  it('reads ahead of a writer that does not keep up by at most a few batches (backpressure), then delivers every row', async () => {
    const dir = tempDir('parley-ahead-');
    const file = path.join(dir, 'big.csv');
    const rows = await writeGeneratedCsv(file, { rows: 300_000 });
    const size = statSync(file).size;
    const seen = { sync: null as Int32Array | null };
    const source = openRowSource({ filePath: file, read: READ, mapping: ALL_COLUMNS }, size, true, (data) => {
      seen.sync = new Int32Array(data.sync);
      return launchWorker('csv-parse', data);
    });
    try {
      // Nobody takes a batch yet: the reader must come to a stop and wait, not read on.
      while (!seen.sync || Atomics.load(seen.sync, Sync.WAITING) !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
      const shared = seen.sync;
      expect(Atomics.load(shared, Sync.IN_FLIGHT)).toBe(MAX_BATCHES_IN_FLIGHT);
      // Each batch is PARSE_BATCH_ROWS rows or a 64 KiB chunk more; the generated rows are under 100 bytes.
      const readAhead = Atomics.load(shared, Sync.BYTES_READ);
      expect(readAhead).toBeLessThan((MAX_BATCHES_IN_FLIGHT + 1) * (PARSE_BATCH_ROWS * 100 + 64 * 1024));
      expect(readAhead).toBeLessThan(size / 10);

      let rowsSeen = 0;
      let notes = 0;
      let peakInFlight = 0;
      for await (const batch of source) {
        peakInFlight = Math.max(peakInFlight, Atomics.load(shared, Sync.IN_FLIGHT));
        rowsSeen += batch.rows;
        notes += notesOf(batch).length;
        expect(typeof batch.notes).toBe('string');
      }
      expect([rowsSeen, notes]).toEqual([rows, rows]);
      expect(peakInFlight).toBeLessThanOrEqual(MAX_BATCHES_IN_FLIGHT);
    } finally {
      await source.close();
    }
    expect(isOpen(file)).not.toBe(true);
  }, 120_000);
});
