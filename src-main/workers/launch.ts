import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts `src-main/workers/<name>` in a worker thread. Built, the entry sits beside the main bundle as
 * `out/main/<name>.js` (see electron.vite.config.ts); from source (tests, bench) it runs through tsx.
 */
export function launchWorker(name: string, workerData: unknown): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  if (fromSource) {
    return new Worker(path.join(here, `${name}.ts`), { workerData, execArgv: ['--import', 'tsx'] });
  }
  // Built: this module may sit in out/main/ or out/main/chunks/.
  const mainDir = path.basename(here) === 'chunks' ? path.dirname(here) : here;
  return new Worker(path.join(mainDir, `${name}.js`), { workerData });
}
