import { parentPort, workerData } from 'node:worker_threads';
import { readCsvBatches } from '../services/imports/csv-batches';
import { readInParseWorker, type ParseWorkerData } from '../services/imports/row-source';

/**
 * Worker entry: reads and checks the rows of a CSV import while the import worker (workers/import-csv.ts) writes
 * the rows it was handed before. Started by services/imports/row-source.ts.
 */
readInParseWorker(workerData as ParseWorkerData, (message) => parentPort?.postMessage(message), readCsvBatches);
