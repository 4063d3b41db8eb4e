import { parentPort, workerData } from 'node:worker_threads';
import { AnkiPackageError } from '../services/anki/package-errors';
import { inspectPackage } from '../services/anki/package-inspect';
import type { AnkiInspectMessage } from '../services/anki/inspect-worker';

/**
 * Worker entry for `anki:inspect` (services/anki/inspect-worker.ts is the main-thread side): opening a package
 * extracts and decompresses its collection and counts its rows, seconds of work for a large one.
 */
const post = (message: AnkiInspectMessage) => parentPort?.postMessage(message);
inspectPackage((workerData as { filePath: string }).filePath).then(
  (inspection) => post({ type: 'finished', inspection }),
  (error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error), packageError: error instanceof AnkiPackageError }),
);
