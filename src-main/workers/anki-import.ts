import { parentPort, workerData } from 'node:worker_threads';
import { runAnkiImport } from '../services/anki/import-run';
import type { AnkiImportData, AnkiImportMessage } from '../services/anki/import-protocol';

/** Worker entry for `anki:importStart` (services/anki/import-job.ts is the main-thread side). */
const post = (message: AnkiImportMessage) => parentPort?.postMessage(message);
runAnkiImport(workerData as AnkiImportData, post).then(
  (summary) => post({ type: 'finished', summary }),
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
