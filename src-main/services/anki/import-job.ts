import type { JobControl } from '../jobs/jobs';
import { launchWorker } from '../../workers/launch';
import type { AnkiImportCounts, AnkiImportData, AnkiImportMessage, AnkiImportSummary } from './import-protocol';

export interface AnkiImportHandle {
  counts: AnkiImportCounts;
  requestCancel(): boolean;
}

/** Runs an Anki import in a worker thread; the main thread only relays progress. */
export function runAnkiImportWorker(data: AnkiImportData, job: JobControl, handle: AnkiImportHandle): Promise<AnkiImportSummary> {
  return new Promise<AnkiImportSummary>((resolve, reject) => {
    const worker = launchWorker('anki-import', data);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => handle.requestCancel();
    job.signal.addEventListener('abort', onAbort);
    worker.on('message', (message: AnkiImportMessage) => {
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
