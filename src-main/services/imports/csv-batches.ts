import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ColumnMapping } from '../../../src-shared/contract/imports';
import type { NoteInput } from '../notes/notes-service';
import { isBlank } from './csv-preview';
import { CsvRowReader } from './csv-rows';
import { newDecoder } from './encoding';
import { MAX_REPORTED_PROBLEMS, type ImportWorkerData, type RowProblem } from './import-protocol';
import { rowToNote } from './row-to-note';

const CHUNK_BYTES = 64 * 1024;
/** Rows per batch handed to the writer; a batch ends at a chunk boundary once it holds at least this many. */
export const PARSE_BATCH_ROWS = 2000;

/**
 * The rows of a stretch of the file, checked: what the reading side hands the writing side. The notes travel as
 * one string (see encodeNotes) because a structured clone of 5000 note objects costs the receiving thread ~15 ms,
 * the same notes as one string ~4 ms including rebuilding the objects.
 */
export interface ParsedBatch {
  /** Data rows read (blank lines and the header not counted), valid or not. */
  rows: number;
  /** The valid rows, in file order: as encodeNotes writes them when they cross to another thread. */
  notes: string | NoteInput[];
  rejectedCount: number;
  /** The first rejected rows of the file, up to MAX_REPORTED_PROBLEMS over all batches. */
  rejected: RowProblem[];
  /** Bytes of the file read once this batch was complete, of `total`. */
  done: number;
  total: number;
}

export type ReadSettings = Pick<ImportWorkerData, 'filePath' | 'read' | 'mapping'>;

/**
 * Fields joined by U+0000 and notes by U+0001: rowToNote refuses any cell holding a control character, so neither
 * can occur inside a value. Per note: term, translation, part of speech, gender, ipa, tags (space-separated),
 * then each example's text and translation.
 */
const FIELD = '\u0000';
const NOTE = '\u0001';

export function encodeNotes(notes: NoteInput[]): string {
  const parts: string[] = [];
  for (const n of notes) {
    let text = `${n.term}${FIELD}${n.translation}${FIELD}${n.partOfSpeech ?? ''}${FIELD}${n.gender ?? ''}${FIELD}${n.ipa ?? ''}${FIELD}${n.tags.join(' ')}`;
    for (const e of n.examples) text += `${FIELD}${e.text}${FIELD}${e.translation}`;
    parts.push(text);
  }
  return parts.join(NOTE);
}

export function decodeNotes(text: string): NoteInput[] {
  if (text === '') return [];
  return text.split(NOTE).map((note) => {
    const f = note.split(FIELD);
    const examples: NoteInput['examples'] = [];
    for (let i = 6; i + 1 < f.length; i += 2) examples.push({ text: f[i]!, translation: f[i + 1]! });
    return { term: f[0]!, translation: f[1]!, partOfSpeech: f[2] || null, gender: f[3] || null, ipa: f[4] || null, tags: f[5] ? f[5].split(' ') : [], examples };
  });
}

/**
 * Streams the file chunk by chunk (never all of it in memory), decodes and tokenises it, checks every row, and
 * yields batches of checked rows. `stopped` (a cancel) is asked before each chunk; the file is closed however the
 * iteration ends.
 */
export function* csvBatches(settings: ReadSettings, stopped: () => boolean = () => false, encode = false): Generator<ParsedBatch, void, undefined> {
  const { read, mapping } = settings;
  const fd = openSync(settings.filePath, 'r');
  try {
    const total = fstatSync(fd).size;
    const decoder = newDecoder(read.encoding);
    const reader = new CsvRowReader({ delimiter: read.delimiter, newline: read.newline });
    const checker = new RowChecker(mapping, read.width, read.hasHeader);
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let done = 0;
    for (;;) {
      if (stopped()) return;
      const got = readSync(fd, buffer, 0, CHUNK_BYTES, done);
      done += got;
      const last = got === 0;
      const text = last ? decoder.decode() : decoder.decode(buffer.subarray(0, got), { stream: true });
      for (const row of reader.push(text, last)) checker.take(row.fields, row.line, row.problem);
      const end = last || reader.stopped;
      if (end || checker.size >= PARSE_BATCH_ROWS) yield checker.nextBatch(done, total, encode);
      if (end) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** csvBatches with a callback, for the parse worker (notes encoded): `onBatch` returns false to stop reading. */
export function readCsvBatches(settings: ReadSettings, onBatch: (batch: ParsedBatch) => boolean, stopped?: () => boolean): void {
  for (const batch of csvBatches(settings, stopped, true)) if (!onBatch(batch)) return;
}

/** A batch's notes as objects, however they travelled. */
export const notesOf = (batch: ParsedBatch): NoteInput[] => (typeof batch.notes === 'string' ? decodeNotes(batch.notes) : batch.notes);

/** Skips blank lines and the header, and sorts rows into notes and rejects. */
class RowChecker {
  private notes: NoteInput[] = [];
  private rejected: RowProblem[] = [];
  private rows = 0;
  private rejectedCount = 0;
  private reported = 0;

  constructor(private readonly mapping: ColumnMapping, private readonly width: number, private headerPending: boolean) {}

  get size(): number {
    return this.rows;
  }

  take(fields: string[], line: number, problem: string | null): void {
    if (problem === null && isBlank(fields)) return;
    if (this.headerPending) {
      this.headerPending = false;
      if (problem === null) return;
    }
    this.rows += 1;
    if (problem !== null) return this.reject(line, problem);
    const verdict = rowToNote(fields, this.mapping, this.width);
    if (verdict.ok) this.notes.push(verdict.note);
    else this.reject(line, verdict.reason);
  }

  private reject(line: number, reason: string): void {
    this.rejectedCount += 1;
    if (this.reported < MAX_REPORTED_PROBLEMS) {
      this.reported += 1;
      this.rejected.push({ line, reason });
    }
  }

  nextBatch(done: number, total: number, encode: boolean): ParsedBatch {
    const batch = { rows: this.rows, notes: encode ? encodeNotes(this.notes) : this.notes, rejectedCount: this.rejectedCount, rejected: this.rejected, done, total };
    this.notes = [];
    this.rejected = [];
    this.rows = 0;
    this.rejectedCount = 0;
    return batch;
  }
}
