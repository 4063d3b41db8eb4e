import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { NEW_FILE_PAGE_SIZE } from '../db/open';
import { createCore, type Core } from '../src-main/core';
import { createMemoryKeyStore } from '../src-main/providers/keystore';
import { writeGeneratedCsv } from '../tests/support/csv-fixtures';
import { plainFullWriteSeconds, plainInsertSeconds } from './support/plain-inserts';
import { median, round, type Benchmark } from './harness';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../db/migrations');
const RESOURCES_DIR = path.resolve(import.meta.dirname, '../resources');
const ROWS = 100_000;
const RUNS = 3;
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'parley-bench-import-'));

interface ImportRun {
  seconds: number;
  lagP99Ms: number;
}

/** Runs `use` with a signed-in learner's profile in a fresh data folder, removed afterwards. */
async function withFreshProfile<T>(use: (core: Core, sessionId: string, profileId: string) => Promise<T>): Promise<T> {
  const dataDir = tempDir();
  const core = await createCore({ dataDir, keystore: createMemoryKeyStore(), migrationsDir: MIGRATIONS_DIR, resourcesDir: RESOURCES_DIR, shell: 'test', validateOutput: false, logLevel: 'warn' });
  try {
    const sessionId = core.openSession();
    const created = await core.dispatch('profiles:create', { displayName: 'Bench', nativeLanguage: 'en', targetLanguage: 'es', level: 'A2' }, sessionId);
    if (!created.ok) throw new Error(created.error.message);
    return await use(core, sessionId, (created.value as { profile: { id: string } }).profile.id);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One import of the generated file through the real job path (contract → worker → commit), into a fresh profile. */
function parleyImport(csv: string): Promise<ImportRun> {
  return withFreshProfile(async (core, sessionId, profileId) => {
    const fileId = core.internals().services.imports.files.registerPath(csv, profileId).fileId;
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const started = performance.now();
    const finished = jobFinished(core);
    const start = await core.dispatch(
      'import:csvStart',
      { fileId, target: { kind: 'newDeck', name: 'Bench import' }, mapping: { term: 0, translation: 1, example: 2, exampleTranslation: 3, partOfSpeech: 4, gender: 5, ipa: 6, tags: 7 }, duplicates: 'skip', commit: true },
      sessionId,
    );
    if (!start.ok) throw new Error(start.error.message);
    const status = await finished;
    const seconds = (performance.now() - started) / 1000;
    lag.disable();
    const result = await core.dispatch('import:result', { jobId: (start.value as { jobId: string }).jobId }, sessionId);
    const imported = result.ok ? (result.value as { imported: number; committed: boolean }) : null;
    if (status !== 'done' || imported?.imported !== ROWS || !imported.committed) throw new Error(`The import did not complete: ${JSON.stringify(result)}`);
    return { seconds, lagP99Ms: lag.percentile(99) / 1e6 };
  });
}

function jobFinished(core: Core): Promise<string> {
  return new Promise((resolve) => {
    const unsubscribe = core.events.subscribe((event) => {
      if (event.name !== 'jobs:progress') return;
      const phase = (event.payload as { phase: string }).phase;
      if (phase === 'done' || phase === 'failed' || phase === 'cancelled') {
        unsubscribe();
        resolve(phase);
      }
    });
  });
}

/** Everything the import writes, as plain prepared inserts, into a fresh profile's database (see plain-inserts.ts). */
function plainFullSeconds(): Promise<number> {
  return withFreshProfile(async (core, _sessionId, profileId) => {
    const { services, sqlite } = core.internals();
    const deckId = services.deckRows.create(profileId, { name: 'Plain', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' }).id;
    return plainFullWriteSeconds(sqlite, profileId, deckId, ROWS);
  });
}

/** Waits for queued writes to reach the disk (`sync`; not on Windows, which has no such command). */
const settleDisk = () => {
  if (process.platform !== 'win32') execFileSync('sync');
};

const importCsv: Benchmark = {
  figures: ['import.csv_100k_s', 'import.csv_raw_ratio', 'import.loop_lag_p99_ms'],
  async run() {
    const dir = tempDir();
    const csv = path.join(dir, 'words.csv');
    await writeGeneratedCsv(csv, { rows: ROWS });
    const parley: ImportRun[] = [];
    const plain: number[] = [];
    const plainSqliteDefault: number[] = [];
    const plainFull: number[] = [];
    try {
      // Each timed run starts once the writes of the one before have reached the disk (its files are deleted, but
      // hundreds of MB may still be queued), as an import on a learner's computer would.
      for (let i = 0; i < RUNS; i += 1) {
        settleDisk();
        parley.push(await parleyImport(csv));
      }
      for (let i = 0; i < RUNS; i += 1) {
        settleDisk();
        plain.push(plainInsertSeconds(ROWS));
        plainSqliteDefault.push(plainInsertSeconds(ROWS, 4096));
      }
      for (let i = 0; i < RUNS; i += 1) {
        settleDisk();
        plainFull.push(await plainFullSeconds());
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const seconds = median(parley.map((r) => r.seconds));
    const plainSeconds = median(plain);
    const data = `${ROWS} generated rows, 8 columns, commit into a new deck`;
    return [
      { name: 'import.csv_100k_s', value: round(seconds, 3), unit: 's', n: RUNS, stat: 'median', data, runs: parley.map((r) => round(r.seconds, 3)) },
      {
        name: 'import.csv_raw_ratio',
        value: round(plainSeconds / seconds, 3),
        unit: 'ratio',
        n: RUNS,
        stat: 'median Parley rate / median plain rate',
        parley_rows_per_s: Math.round(ROWS / seconds),
        plain_rows_per_s: Math.round(ROWS / plainSeconds),
        plain_runs_s: plain.map((s) => round(s, 3)),
        plain_page_bytes: NEW_FILE_PAGE_SIZE,
        // For comparison: the yardstick at SQLite's default page size.
        plain_4k_page_runs_s: plainSqliteDefault.map((s) => round(s, 3)),
        // For comparison: everything the import writes (notes, cards, search index, outbox) as plain prepared inserts.
        plain_full_write_runs_s: plainFull.map((s) => round(s, 3)),
      },
      { name: 'import.loop_lag_p99_ms', value: round(Math.max(...parley.map((r) => r.lagP99Ms)), 2), unit: 'ms', n: RUNS, stat: 'worst p99 of the runs', runs: parley.map((r) => round(r.lagP99Ms, 2)) },
    ];
  },
};

export const benchmarks: Benchmark[] = [importCsv];
