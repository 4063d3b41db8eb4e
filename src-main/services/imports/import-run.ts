import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { NoteInput } from '../notes/notes-service';
import { isBlank } from './csv-preview';
import { CsvRowReader, type CsvRow } from './csv-rows';
import { duplicateKey, SeenWords } from './duplicates';
import { newDecoder } from './encoding';
import { ImportState, MAX_REPORTED_PROBLEMS, type ImportSummary, type ImportWorkerData, type WorkerMessage } from './import-protocol';
import { openImportTarget, type ImportTarget } from './import-target';
import { rowToNote } from './row-to-note';

const CHUNK_BYTES = 64 * 1024;
/**
 * Rows written per call of the notes service: large enough for its set-based card and search-index steps (batches
 * of 20k rows import 100k about 0.2 s faster than batches of 5k), small enough that a cancel or the progress bar
 * waits under a second.
 */
const BATCH_ROWS = 20_000;
const PROGRESS_EVERY_MS = 100;

class Cancelled extends Error {}

/**
 * The import itself, run in the worker thread: streams the file chunk by chunk (never all of it in memory),
 * checks every row, and with `commit` writes the valid ones in one transaction that either commits whole or
 * is rolled back (cancel, error, or the process dying before COMMIT).
 */
export function runImport(data: ImportWorkerData, post: (message: WorkerMessage) => void): ImportSummary {
  const state = new Int32Array(data.control);
  const clockStart = Date.now();
  const target = openImportTarget(data, () => data.startedAt + (Date.now() - clockStart));
  try {
    const importer = new RowImporter(data, target);
    readFile(data.filePath, data, (rows, done, total) => {
      if (Atomics.load(state, 0) === ImportState.CANCELLED) throw new Cancelled();
      for (const row of rows) importer.take(row);
      importer.progress(post, done, total);
    });
    if (Atomics.load(state, 0) === ImportState.CANCELLED) throw new Cancelled();
    importer.flush();
    if (!data.commit) return importer.summary(false);
    // The point of no return: a cancel that has not landed by now is refused, so "cancelled" never lies.
    if (Atomics.compareExchange(state, 0, ImportState.RUNNING, ImportState.COMMITTING) !== ImportState.RUNNING) throw new Cancelled();
    post({ type: 'progress', done: importer.bytes.total, total: importer.bytes.total, phase: 'saving', counts: importer.counts });
    target.commit();
    return importer.summary(true);
  } catch (error) {
    // Rolled back below; the job reports itself cancelled.
    if (error instanceof Cancelled) return emptySummary();
    throw error;
  } finally {
    target.close();
  }
}

function emptySummary(): ImportSummary {
  return { rows: 0, imported: 0, updated: 0, skipped: 0, rejectedCount: 0, rejected: [], deckId: null, committed: false };
}

/** Reads and decodes the file in chunks, handing over the complete rows of each. */
function readFile(filePath: string, data: ImportWorkerData, onRows: (rows: CsvRow[], done: number, total: number) => void): void {
  const fd = openSync(filePath, 'r');
  try {
    const total = fstatSync(fd).size;
    const decoder = newDecoder(data.read.encoding);
    const reader = new CsvRowReader({ delimiter: data.read.delimiter, newline: data.read.newline });
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let done = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, done);
      done += read;
      const last = read === 0;
      const text = last ? decoder.decode() : decoder.decode(buffer.subarray(0, read), { stream: true });
      onRows(reader.push(text, last), done, total);
      if (last || reader.stopped) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** Checks rows one by one, sorts out duplicates, and writes the accepted ones in batches. */
class RowImporter {
  readonly counts = { rows: 0, imported: 0, updated: 0, skipped: 0, rejectedCount: 0 };
  private readonly rejected: { line: number; reason: string }[] = [];
  private readonly deckWords: Map<string, string>;
  private readonly seen = new SeenWords();
  private batch: NoteInput[] = [];
  /** Update mode: where a word waiting in `batch` sits, so a later row of the file can overwrite it. */
  private readonly batchIndex = new Map<string, number>();
  private headerPending: boolean;
  private lastProgress = 0;
  /** How far into the file reading is. */
  bytes = { done: 0, total: 0 };

  constructor(private readonly data: ImportWorkerData, private readonly target: ImportTarget) {
    this.deckWords = data.duplicates === 'keepBoth' ? new Map() : target.deckWords();
    this.headerPending = data.read.hasHeader;
  }

  take(row: CsvRow): void {
    if (row.problem === null && isBlank(row.fields)) return;
    if (this.headerPending) {
      this.headerPending = false;
      if (row.problem === null) return;
    }
    this.counts.rows += 1;
    if (row.problem !== null) return this.reject(row.line, row.problem);
    const verdict = rowToNote(row.fields, this.data.mapping, this.data.read.width);
    if (!verdict.ok) return this.reject(row.line, verdict.reason);
    this.place(verdict.note);
    if (this.batch.length >= BATCH_ROWS) this.flush();
  }

  private place(note: NoteInput): void {
    if (this.data.duplicates === 'keepBoth') return this.add(note, null);
    const key = duplicateKey(note.term, note.translation);
    const existing = this.deckWords.get(key);
    const update = this.data.duplicates === 'update';
    if (existing !== undefined) {
      if (update) this.target.update(existing, note, this.data.mapping);
      this.counts[update ? 'updated' : 'skipped'] += 1;
      return;
    }
    if (this.seen.add(key)) return this.add(note, key);
    const waiting = this.batchIndex.get(key);
    if (update && waiting !== undefined) this.batch[waiting] = { ...note, term: this.batch[waiting]!.term, translation: this.batch[waiting]!.translation };
    this.counts[update ? 'updated' : 'skipped'] += 1;
  }

  private add(note: NoteInput, key: string | null): void {
    this.counts.imported += 1;
    // A check writes nothing, so it keeps nothing: memory stays flat however long the file.
    if (!this.data.commit) return;
    if (key !== null && this.data.duplicates === 'update') this.batchIndex.set(key, this.batch.length);
    this.batch.push(note);
  }

  private reject(line: number, reason: string): void {
    this.counts.rejectedCount += 1;
    if (this.rejected.length < MAX_REPORTED_PROBLEMS) this.rejected.push({ line, reason });
  }

  /** Writes the waiting batch; in update mode, learns the new notes' ids so later rows of the file can update them. */
  flush(): void {
    if (this.batch.length === 0) return;
    const since = this.data.commit && this.data.duplicates === 'update' ? this.target.lastRowid() : null;
    this.target.insert(this.batch);
    if (since !== null) this.target.deckWords(since, this.deckWords);
    this.batch = [];
    this.batchIndex.clear();
  }

  progress(post: (message: WorkerMessage) => void, done: number, total: number): void {
    this.bytes = { done, total };
    const now = Date.now();
    if (now - this.lastProgress < PROGRESS_EVERY_MS && done < total) return;
    this.lastProgress = now;
    post({ type: 'progress', done, total, phase: 'reading', counts: { ...this.counts } });
  }

  summary(committed: boolean): ImportSummary {
    return { ...this.counts, rejected: this.rejected, deckId: this.target.deckId, committed };
  }
}
