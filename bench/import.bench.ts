import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { configureConnection } from '../db/open';
import { createCore, type Core } from '../src-main/core';
import { createMemoryKeyStore } from '../src-main/providers/keystore';
import { writeGeneratedCsv } from '../tests/support/csv-fixtures';
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

/** One import of the generated file through the real job path (contract → worker → commit), into a fresh profile. */
async function parleyImport(csv: string): Promise<ImportRun> {
  const dataDir = tempDir();
  const core = await createCore({ dataDir, keystore: createMemoryKeyStore(), migrationsDir: MIGRATIONS_DIR, resourcesDir: RESOURCES_DIR, shell: 'test', validateOutput: false, logLevel: 'warn' });
  try {
    const sessionId = core.openSession();
    const created = await core.dispatch('profiles:create', { displayName: 'Bench', nativeLanguage: 'en', targetLanguage: 'es', level: 'A2' }, sessionId);
    if (!created.ok) throw new Error(created.error.message);
    const profileId = (created.value as { profile: { id: string } }).profile.id;
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
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
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

/** The yardstick: the same rows as plain prepared inserts into a notes-shaped table, one transaction, same pragmas. */
function plainInsertSeconds(): number {
  const dir = tempDir();
  const sqlite = new Database(path.join(dir, 'plain.db'));
  configureConnection(sqlite);
  sqlite.exec(`CREATE TABLE notes (id TEXT PRIMARY KEY, profile_id TEXT NOT NULL, deck_id TEXT NOT NULL, term TEXT NOT NULL,
    translation TEXT NOT NULL, examples TEXT NOT NULL, part_of_speech TEXT, gender TEXT, ipa TEXT, tags TEXT NOT NULL,
    audio TEXT NOT NULL, images TEXT NOT NULL, source TEXT NOT NULL, guid TEXT, created_at INTEGER NOT NULL,
    updated_at TEXT NOT NULL, deleted_at INTEGER)`);
  const insert = sqlite.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const profileId = uuidv7();
  const deckId = uuidv7();
  const started = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) {
      const examples = JSON.stringify([{ text: `La palabra${i} está aquí, ¿no?`, translation: `The word ${i} is here` }]);
      insert.run(uuidv7(), profileId, deckId, `palabra${i}`, `word ${i}`, examples, 'noun', i % 2 ? 'f' : 'm', null, `gen t${i % 7}`, '[]', '[]', 'import', null, Date.now(), String(i), null);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

const importCsv: Benchmark = {
  figures: ['import.csv_100k_s', 'import.csv_raw_ratio', 'import.loop_lag_p99_ms'],
  async run() {
    const dir = tempDir();
    const csv = path.join(dir, 'words.csv');
    await writeGeneratedCsv(csv, { rows: ROWS });
    const parley: ImportRun[] = [];
    const plain: number[] = [];
    try {
      for (let i = 0; i < RUNS; i += 1) {
        parley.push(await parleyImport(csv));
        plain.push(plainInsertSeconds());
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
      },
      { name: 'import.loop_lag_p99_ms', value: round(Math.max(...parley.map((r) => r.lagP99Ms)), 2), unit: 'ms', n: RUNS, stat: 'worst p99 of the runs', runs: parley.map((r) => round(r.lagP99Ms, 2)) },
    ];
  },
};

export const benchmarks: Benchmark[] = [importCsv];
