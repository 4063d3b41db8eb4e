/**
 * Worker thread: fits personal FSRS weights for one preset (see services/optimizer/fit.ts) and posts progress and
 * the outcome back. Started by the optimizer service through launchWorker('optimize', request).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { optimize } from '../services/optimizer/fit';
import type { OptimizeMessage, OptimizeRequest } from '../services/optimizer/protocol';

const post = (message: OptimizeMessage) => parentPort?.postMessage(message);

/** Each new phase, then at most a few messages a second: the fit reports every step. */
let last = { at: 0, phase: '' };
const progress = (done: number, total: number, phase: string) => {
  const now = Date.now();
  if (phase === last.phase && now - last.at < 200 && done < total) return;
  last = { at: now, phase };
  post({ type: 'progress', done, total, phase });
};

optimize(workerData as OptimizeRequest, progress).then(
  (outcome) => post({ type: 'done', outcome }),
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
