import { parentPort, workerData } from 'node:worker_threads';
import { runAnkiImport } from '../services/anki/import-run';
import type { AnkiImportData, AnkiImportMessage } from '../services/anki/import-protocol';
import { checkpointAfterImport } from '../services/imports/import-target';

/**
 * Worker entry for `anki:importStart` (services/anki/import-job.ts is the main-thread side). Once the import is
 * reported, its pages are copied from the WAL into the database file here, not in the learner's next write.
 */
const post = (message: AnkiImportMessage) => parentPort?.postMessage(message);
const data = workerData as AnkiImportData;
runAnkiImport(data, post).then(
  (summary) => {
    post({ type: 'finished', summary });
    try {
      if (summary.committed) checkpointAfterImport(data.databaseFile);
    } catch {
      // The data is committed; a checkpoint that cannot run now (the core closing) is left to SQLite's next one.
    }
  },
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
