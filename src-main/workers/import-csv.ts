import { parentPort, workerData } from 'node:worker_threads';
import type { ImportWorkerData, WorkerMessage } from '../services/imports/import-protocol';
import { runImport } from '../services/imports/import-run';
import { checkpointAfterImport } from '../services/imports/import-target';

/** Worker entry for `import:csvStart` (see services/imports/import-job.ts for the main-thread side). */
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const data = workerData as ImportWorkerData;
try {
  const summary = runImport(data, post);
  post({ type: 'finished', summary });
  if (summary.committed) checkpointAfterImport(data.databaseFile);
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
