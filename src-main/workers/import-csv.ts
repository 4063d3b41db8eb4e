import { parentPort, workerData } from 'node:worker_threads';
import type { ImportWorkerData, WorkerMessage } from '../services/imports/import-protocol';
import { runImport } from '../services/imports/import-run';

/** Worker entry for `import:csvStart` (see services/imports/import-job.ts for the main-thread side). */
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  post({ type: 'finished', summary: runImport(workerData as ImportWorkerData, post) });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
