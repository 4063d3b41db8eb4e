import type { Worker } from 'node:worker_threads';
import { launchWorker } from '../../workers/launch';
import { csvBatches, type readCsvBatches, type ParsedBatch, type ReadSettings } from './csv-batches';

/**
 * Files smaller than this are read on the writing thread: starting a second thread costs more than their parse.
 * Bigger ones, when the import writes, are read by a parse worker while the import worker writes, so the two
 * overlap on two cores. A check (commit off) writes nothing, so there is nothing to overlap: it reads on its one
 * thread and spares the second thread's memory (~70 MB more peak RSS on a 200 MB file).
 */
export const PARALLEL_FROM_BYTES = 1024 * 1024;
/** Batches the parse worker may have handed over that the writer has not finished with: its memory stays flat. */
export const MAX_BATCHES_IN_FLIGHT = 4;

/** The words of the shared Int32Array between the two threads. */
export const Sync = {
  /** Batches posted and not yet finished by the writer; the reader waits while this is MAX_BATCHES_IN_FLIGHT. */
  IN_FLIGHT: 0,
  /** Set by the writer to stop the reader (cancel, error, or done). */
  STOP: 1,
  /** 1 while the reader is blocked waiting for the writer (what the backpressure test watches). */
  WAITING: 2,
  /** Bytes of the file the reader has read so far. */
  BYTES_READ: 3,
} as const;
const SYNC_WORDS = 4;

export interface ParseWorkerData extends ReadSettings {
  sync: SharedArrayBuffer;
}

export type ParseMessage = { type: 'batch'; batch: ParsedBatch } | { type: 'end' } | { type: 'failed'; message: string };

/** What a worker that reads the file for the import looks like to it (tests stand in crashing ones). */
export type LaunchReader = (data: ParseWorkerData) => Worker;
const launchParseWorker: LaunchReader = (data) => launchWorker('csv-parse', data);

/** The batches of checked rows of an import's file, in order; `close` stops the reading and waits until it has. */
export interface RowSource extends AsyncIterable<ParsedBatch> {
  close(): Promise<void>;
}

export function openRowSource(settings: ReadSettings, size: number, writes: boolean, launch: LaunchReader = launchParseWorker): RowSource {
  return writes && size >= PARALLEL_FROM_BYTES ? parallelSource(settings, launch) : inlineSource(settings);
}

/** Reads on the calling thread, one batch at a time as the consumer asks (its memory stays flat too). */
function inlineSource(settings: ReadSettings): RowSource {
  let stop = false;
  return {
    async *[Symbol.asyncIterator]() {
      yield* csvBatches(settings, () => stop);
    },
    close() {
      stop = true;
      return Promise.resolve();
    },
  };
}

/**
 * The parse worker's side: reads the file and posts its batches, waiting (Atomics.wait, the thread has nothing
 * else to do) while MAX_BATCHES_IN_FLIGHT are with the writer, and stopping when the writer says so.
 */
export function readInParseWorker(data: ParseWorkerData, post: (message: ParseMessage) => void, read: typeof readCsvBatches): void {
  const sync = new Int32Array(data.sync);
  const stopped = () => Atomics.load(sync, Sync.STOP) === 1;
  try {
    read(data, (batch) => {
      Atomics.store(sync, Sync.BYTES_READ, Math.min(batch.done, 0x7fffffff));
      for (let inFlight = Atomics.load(sync, Sync.IN_FLIGHT); inFlight >= MAX_BATCHES_IN_FLIGHT && !stopped(); inFlight = Atomics.load(sync, Sync.IN_FLIGHT)) {
        Atomics.store(sync, Sync.WAITING, 1);
        Atomics.wait(sync, Sync.IN_FLIGHT, inFlight, 1000);
        Atomics.store(sync, Sync.WAITING, 0);
      }
      if (stopped()) return false;
      Atomics.add(sync, Sync.IN_FLIGHT, 1);
      post({ type: 'batch', batch });
      return true;
    }, stopped);
    post({ type: 'end' });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/** The writer's side of a parse worker: batches as they come, a clear error if the reader fails or dies. */
function parallelSource(settings: ReadSettings, launch: LaunchReader): RowSource {
  const shared = new SharedArrayBuffer(SYNC_WORDS * 4);
  const sync = new Int32Array(shared);
  const worker = launch({ filePath: settings.filePath, read: settings.read, mapping: settings.mapping, sync: shared });
  const queue: ParsedBatch[] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const notify = () => {
    wake?.();
    wake = null;
  };
  const fail = (message: string) => {
    if (!ended && !failure) failure = new Error(`Reading the file failed: ${message} Nothing was saved.`);
    notify();
  };
  worker.on('message', (message: ParseMessage) => {
    if (message.type === 'batch') queue.push(message.batch);
    else if (message.type === 'end') ended = true;
    else fail(sentence(message.message));
    notify();
  });
  worker.on('error', (error) => fail(sentence(error.message)));
  worker.on('exit', (code) => fail(`the file reader stopped unexpectedly (exit code ${code}).`));

  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const batch = queue.shift();
        if (batch) {
          yield batch;
          // The writer is done with it: the reader may read one more.
          Atomics.sub(sync, Sync.IN_FLIGHT, 1);
          Atomics.notify(sync, Sync.IN_FLIGHT);
          continue;
        }
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async close() {
      ended = true;
      Atomics.store(sync, Sync.STOP, 1);
      Atomics.notify(sync, Sync.IN_FLIGHT);
      // A reader that stops by itself closes the file; one that does not within a few seconds is stopped hard.
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const sentence = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);
