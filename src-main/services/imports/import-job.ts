import type { JobControl } from '../jobs/jobs';
import { runWorkerJob } from '../../workers/run-worker-job';
import { ImportState, type ImportCounts, type ImportSummary, type ImportWorkerData, type WorkerMessage } from './import-protocol';

/** How the main thread steers one running import. */
export interface ImportHandle {
  /** Latest counts the worker reported while running. */
  counts: ImportCounts;
  /** Asks the worker to roll back. False when it has already started to commit: then the import completes. */
  requestCancel(): boolean;
}

export function newImportControl(): { control: SharedArrayBuffer; requestCancel(): boolean } {
  const control = new SharedArrayBuffer(4);
  const state = new Int32Array(control);
  return {
    control,
    requestCancel: () => Atomics.compareExchange(state, 0, ImportState.RUNNING, ImportState.CANCELLED) !== ImportState.COMMITTING,
  };
}

/**
 * Runs the import in a worker thread. The main thread only relays progress, so its event loop stays free while
 * the worker parses and writes on its own connection. A cancel (or core shutdown) asks the worker to roll back.
 */
export function runImportWorker(data: ImportWorkerData, job: JobControl, handle: ImportHandle): Promise<ImportSummary> {
  return runWorkerJob<WorkerMessage, ImportSummary>('import-csv', data, job, {
    read(message) {
      if (message.type === 'progress') {
        handle.counts = message.counts;
        return { kind: 'progress', done: message.done, total: message.total, phase: message.phase };
      }
      return message.type === 'finished' ? { kind: 'result', value: message.summary } : { kind: 'error', message: message.message };
    },
    cancel: () => handle.requestCancel(),
    exitMessage: 'The import stopped unexpectedly. Nothing was saved',
  });
}
