import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts `src-main/workers/<name>` in a worker thread. Built, the entry sits beside the main bundle as
 * `out/main/<name>.js` (see electron.vite.config.ts); from source (tests) it runs through tsx, unless
 * PARLEY_WORKERS_DIR names a folder of built workers (the benchmarks: they measure the workers the app runs, not
 * tsx compiling them at start-up).
 */
export function launchWorker(name: string, workerData: unknown): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  const builtDir = process.env.PARLEY_WORKERS_DIR;
  if (fromSource && builtDir) return new Worker(path.join(builtDir, `${name}.js`), { workerData });
  if (fromSource) {
    // Node 20 does not apply `--import tsx` from a worker's execArgv, so the worker registers tsx itself.
    const entry = JSON.stringify(pathToFileURL(path.join(here, `${name}.ts`)).href);
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { eval: true, workerData });
  }
  // Built: this module may sit in out/main/ or out/main/chunks/.
  const mainDir = path.basename(here) === 'chunks' ? path.dirname(here) : here;
  return new Worker(path.join(mainDir, `${name}.js`), { workerData });
}
