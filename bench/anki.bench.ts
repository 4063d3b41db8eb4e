import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { createMemoryKeyStore } from '../src-main/providers/keystore';
import { round, type Benchmark } from './harness';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../db/migrations');
const RESOURCES_DIR = path.resolve(import.meta.dirname, '../resources');
const NOTES = 50_000;
const REVIEWS_PER_NOTE = 10;
const MEDIA = 100;

/** Writes the package in a child process, so this process's memory (the figure) holds none of it. */
function generatePackage(dir: string): string {
  const file = path.join(dir, 'big.apkg');
  const cli = path.resolve(import.meta.dirname, '../tests/support/anki-package-cli.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, file, String(NOTES), String(REVIEWS_PER_NOTE), String(MEDIA)], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('generating the package failed');
  return file;
}

function jobFinished(core: Core, jobId: () => string | null): Promise<string> {
  return new Promise((resolve) => {
    const unsubscribe = core.events.subscribe((event) => {
      if (event.name !== 'jobs:progress') return;
      const payload = event.payload as { jobId: string; phase: string };
      if (payload.jobId !== jobId()) return;
      if (payload.phase === 'done' || payload.phase === 'failed' || payload.phase === 'cancelled') {
        unsubscribe();
        resolve(payload.phase);
      }
    });
  });
}

/** Seconds until the WAL is fully copied into the database file (PASSIVE never waits: busy while another runs). */
async function walCheckpointed(core: Core): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [status] = core.internals().sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    if (status && status.busy === 0 && status.log === status.checkpointed) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function call<T>(core: Core, sessionId: string, channel: string, input: unknown): Promise<T> {
  const envelope = await core.dispatch(channel, input, sessionId);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

/**
 * A generated 50k-note package with 500k review-log rows and media, imported through the real job path
 * (contract → worker → one transaction) into a fresh profile, then that profile exported to .apkg. Peak RSS is
 * sampled every 20 ms from this process, which includes the worker thread doing the import.
 */
export const benchmarks: Benchmark[] = [
  {
    figures: ['anki.import_50k_s', 'anki.import_peak_rss_mb', 'anki.export_50k_s'],
    async run() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-anki-'));
      const core = await createCore({ dataDir: path.join(dir, 'data'), keystore: createMemoryKeyStore(), migrationsDir: MIGRATIONS_DIR, resourcesDir: RESOURCES_DIR, shell: 'test', validateOutput: false, logLevel: 'warn' });
      try {
        const file = generatePackage(dir);
        const bytes = statSync(file).size;
        const sessionId = core.openSession();
        const { profile } = await call<{ profile: { id: string } }>(core, sessionId, 'profiles:create', { displayName: 'Bench', nativeLanguage: 'en', targetLanguage: 'es', level: 'A2' });
        const fileId = core.internals().services.imports.files.registerPath(file, profile.id).fileId;
        const inspection = await call<{ noteTypes: { id: string; suggestedMapping: unknown }[] }>(core, sessionId, 'anki:inspect', { fileId });
        const mappings = inspection.noteTypes.map((nt) => ({ noteTypeId: nt.id, mapping: nt.suggestedMapping, skip: false }));

        let peak = process.memoryUsage().rss;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        let importJob: string | null = null;
        // CPU of the whole process (the worker thread included): on a shared machine wall time varies with load.
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const imported = jobFinished(core, () => importJob);
        importJob = (await call<{ jobId: string }>(core, sessionId, 'anki:importStart', { fileId, mappings })).jobId;
        const status = await imported;
        const importSeconds = (performance.now() - started) / 1000;
        const importCpu = process.cpuUsage(cpuBefore);
        clearInterval(sampler);
        const result = await call<{ imported: number; reviews: number; media: number }>(core, sessionId, 'anki:importResult', { jobId: importJob });
        if (status !== 'done' || result.imported !== NOTES) throw new Error(`The import did not complete: ${status} ${JSON.stringify(result)}`);

        // The import worker copies its pages from the WAL into the database file after reporting done (as CSV
        // imports do). That runs in the background while the learner goes on; wait for it here so the export is
        // timed alone, and report how long it took after the import's end.
        const checkpointSeconds = await walCheckpointed(core);

        let exportJob: string | null = null;
        const exportStarted = performance.now();
        const exported = jobFinished(core, () => exportJob);
        exportJob = (await call<{ jobId: string }>(core, sessionId, 'anki:exportStart', { scope: { kind: 'all' } })).jobId;
        if ((await exported) !== 'done') throw new Error('The export did not complete');
        const exportSeconds = (performance.now() - exportStarted) / 1000;
        const out = await call<{ notes: number; reviews: number; file: { bytes: number } }>(core, sessionId, 'anki:exportResult', { jobId: exportJob });

        const data = {
          notes: NOTES, reviews: result.reviews, media: result.media, package_bytes: bytes, background_checkpoint_s: round(checkpointSeconds, 2),
          import_cpu_user_s: round(importCpu.user / 1e6, 2), import_cpu_system_s: round(importCpu.system / 1e6, 2), load_average: os.loadavg().map((l) => round(l, 2)),
        };
        return [
          { name: 'anki.import_50k_s', value: round(importSeconds, 2), unit: 's', n: NOTES, target: 20, ...data },
          { name: 'anki.import_peak_rss_mb', value: round(peak / 1024 / 1024, 1), unit: 'MB', n: NOTES, target: 600, ...data },
          { name: 'anki.export_50k_s', value: round(exportSeconds, 2), unit: 's', n: out.notes, target: 15, reviews: out.reviews, package_bytes: out.file.bytes },
        ];
      } finally {
        await core.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
