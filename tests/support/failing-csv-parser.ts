/**
 * A parse worker for tests/imports/parallel-read.test.ts that reads like the real one (workers/csv-parse.ts) and
 * then fails after `failAfterBatches` batches: by throwing (`how: 'throw'`) or by its thread dying without a word
 * (`how: 'exit'`).
 */
import { workerData, parentPort } from 'node:worker_threads';
import { readCsvBatches } from '../../src-main/services/imports/csv-batches';
import { readInParseWorker, type ParseWorkerData } from '../../src-main/services/imports/row-source';

const data = workerData as ParseWorkerData & { how: 'throw' | 'exit'; failAfterBatches: number };
let batches = 0;
readInParseWorker(data, (message) => parentPort?.postMessage(message), (settings, onBatch, stopped) =>
  readCsvBatches(settings, (batch) => {
    if (batches++ === data.failAfterBatches) {
      if (data.how === 'exit') process.exit(7);
      throw new Error('The disk went away');
    }
    return onBatch(batch);
  }, stopped),
);
