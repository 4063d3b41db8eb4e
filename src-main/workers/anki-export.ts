import { parentPort, workerData } from 'node:worker_threads';
import { exportApkg, type AnkiExportRequest } from '../services/anki/apkg-export';
import type { AnkiExportMessage } from '../services/anki/export-job';

/** Worker entry for `anki:exportStart` (services/anki/export-job.ts is the main-thread side). */
const post = (message: AnkiExportMessage) => parentPort?.postMessage(message);
exportApkg(workerData as AnkiExportRequest, (done, total) => post({ type: 'progress', done, total })).then(
  (summary) => post({ type: 'finished', summary }),
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
