import type { JobControl } from '../jobs/jobs';
import { launchWorker } from '../../workers/launch';
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
 * the worker parses and writes on its own connection.
 */
export function runImportWorker(data: ImportWorkerData, job: JobControl, handle: ImportHandle): Promise<ImportSummary> {
  return new Promise<ImportSummary>((resolve, reject) => {
    const worker = launchWorker('import-csv', data);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      fn();
    };
    // Core shutdown aborts every job: roll the import back too.
    const onAbort = () => handle.requestCancel();
    job.signal.addEventListener('abort', onAbort);

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        handle.counts = message.counts;
        job.progress(message.done, message.total, message.phase);
      } else if (message.type === 'finished') {
        settle(() => resolve(message.summary));
      } else {
        settle(() => reject(new Error(message.message)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The import stopped unexpectedly (exit code ${code}). Nothing was saved.`))));
  });
}
