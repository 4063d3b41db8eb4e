import type { JobControl } from '../jobs/jobs';
import { launchWorker } from '../../workers/launch';
import type { AnkiExportRequest, AnkiExportSummary } from './apkg-export';

export type { AnkiExportSummary };

export type AnkiExportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'finished'; summary: AnkiExportSummary }
  | { type: 'failed'; message: string };

/** Builds the package in a worker; cancelling stops the worker, which leaves only its temp folder (removed). */
export function runAnkiExportWorker(request: AnkiExportRequest, job: JobControl): Promise<AnkiExportSummary> {
  return new Promise((resolve, reject) => {
    const worker = launchWorker('anki-export', request);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => void worker.terminate();
    job.signal.addEventListener('abort', onAbort);
    worker.on('message', (message: AnkiExportMessage) => {
      if (message.type === 'progress') job.progress(message.done, message.total, 'exporting');
      else if (message.type === 'finished') settle(() => resolve(message.summary));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The export stopped (exit code ${code}).`))));
  });
}
