import type { Worker } from 'node:worker_threads';
import type { JobControl } from '../services/jobs/jobs';
import { launchWorker } from './launch';

/** What one message from a worker means to the job that runs it. */
export type WorkerJobStep<R> =
  | { kind: 'progress'; done: number; total: number; phase: string }
  | { kind: 'result'; value: R }
  | { kind: 'error'; message: string };

export interface WorkerJobOptions<M, R> {
  read(message: M): WorkerJobStep<R>;
  /**
   * What a cancel does: `terminate` stops the worker at once and the job fails with "Cancelled."; a function asks
   * the worker to wind down by itself (an import rolls back and then reports its result).
   */
  cancel: 'terminate' | ((worker: Worker) => void);
  /** Said when the worker stops without a result, before "(exit code N)". */
  exitMessage: string;
}

/**
 * Runs `src-main/workers/<name>` for a job: relays its progress, settles once with its result or its error, and
 * turns a worker that dies without a word into a plain message. The main thread only listens.
 */
export function runWorkerJob<M, R>(name: string, data: unknown, job: JobControl, options: WorkerJobOptions<M, R>): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const worker = launchWorker(name, data);
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      // A worker stopped by cancel has nothing left to do once settled; one that winds down may still be
      // finishing (an import checkpoints after reporting), so it ends by itself.
      if (options.cancel === 'terminate') void worker.terminate();
      finish();
    };
    const onAbort = () => {
      if (options.cancel !== 'terminate') return options.cancel(worker);
      settle(() => reject(new Error('Cancelled.')));
    };
    job.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: M) => {
      const step = options.read(message);
      if (step.kind === 'progress') job.progress(step.done, step.total, step.phase);
      else if (step.kind === 'result') settle(() => resolve(step.value));
      else settle(() => reject(new Error(step.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`${options.exitMessage} (exit code ${code}).`))));
  });
}
