import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts `src-main/workers/<name>` in a worker thread. Built, the entry sits beside the main bundle as
 * `out/main/<name>.js` (see electron.vite.config.ts); from source (tests, bench) it runs through tsx.
 */
export function launchWorker(name: string, workerData: unknown): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  if (fromSource) {
    // Node 20 does not apply `--import tsx` from a worker's execArgv, so the worker registers tsx itself.
    const entry = JSON.stringify(pathToFileURL(path.join(here, `${name}.ts`)).href);
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { eval: true, workerData });
  }
  // Built: this module may sit in out/main/ or out/main/chunks/.
  const mainDir = path.basename(here) === 'chunks' ? path.dirname(here) : here;
  return new Worker(path.join(mainDir, `${name}.js`), { workerData });
}
