import { closeSync, openSync, readSync } from 'node:fs';
import { ContractError } from '../../../src-shared/contract/errors';
import type { ColumnMapping } from '../../../src-shared/contract/imports';
import type { StoredFile } from '../files/file-store';
import { looksLikeHeader, suggestMapping, type Languages } from './column-names';
import { CsvRowReader, detectDelimiter, detectNewline, type Delimiter, type Newline } from './csv-rows';
import { detectEncoding, looksBinary, newDecoder, type CsvEncoding } from './encoding';

/** Enough for the preview and every guess; a preview never reads further into a 200 MB file. */
export const HEAD_BYTES = 64 * 1024;
const PREVIEW_ROWS = 10;
const PREVIEW_CELL_CHARS = 300;

export interface ReadOptions {
  encoding: CsvEncoding | null;
  delimiter: Delimiter | null;
  hasHeader: boolean | null;
}

/** How to read a file: the learner's choices where given, the guesses elsewhere. */
export interface CsvLayout {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  newline: Newline;
  hasHeader: boolean;
  /** Header names ('' for each column when the file has none). */
  columns: string[];
  /** The first data rows. */
  rows: string[][];
  /** How many fields a row should have: the header's, or the most common in the head. Rows with more are suspect. */
  width: number;
  /** The head held the whole file, so `rows` being empty means the file has no data rows at all. */
  complete: boolean;
}

export function readHead(filePath: string, bytes = HEAD_BYTES): Buffer {
  const fd = openSync(filePath, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** Reads only the head of the file and works out how to read the rest. Empty and binary files are refused here. */
export function inspectCsv(file: StoredFile, options: ReadOptions, languages: Languages | null): CsvLayout {
  if (file.bytes === 0) throw new ContractError('INVALID_INPUT', 'The file is empty.');
  const head = readHead(file.path);
  const complete = head.length >= file.bytes;
  const encoding = options.encoding ?? detectEncoding(head);
  const text = newDecoder(encoding).decode(head, { stream: !complete });
  if (looksBinary(text)) {
    throw new ContractError('INVALID_INPUT', 'This does not look like a CSV or TSV file: it contains binary data. Export your word list as CSV and try again.');
  }
  if (text.trim() === '') throw new ContractError('INVALID_INPUT', 'The file has no text in it.');
  const newline = detectNewline(text);
  const delimiter = options.delimiter ?? detectDelimiter(text, newline);
  const reader = new CsvRowReader({ delimiter, newline });
  let parsed = reader.push(text, complete).filter((row) => !isBlank(row.fields));
  // A head that ends inside its first row (one very long quoted value) still shows that row.
  if (parsed.length === 0 && !complete) parsed = new CsvRowReader({ delimiter, newline }).push(text, true).filter((row) => !isBlank(row.fields));
  const firstRows = parsed.slice(0, PREVIEW_ROWS + 1).map((row) => row.fields);
  const hasHeader = options.hasHeader ?? looksLikeHeader(firstRows, languages);
  const header = hasHeader ? (firstRows[0] ?? []) : [];
  const width = hasHeader ? header.length : usualWidth(parsed.map((row) => row.fields.length));
  const columns = Array.from({ length: width }, (_, i) => (header[i] ?? '').trim());
  const rows = firstRows.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + PREVIEW_ROWS).map((row) => row.map((cell) => cell.slice(0, PREVIEW_CELL_CHARS)));
  return { encoding, delimiter, newline, hasHeader, columns, rows, width, complete };
}

export function previewOf(file: StoredFile, layout: CsvLayout, languages: Languages | null) {
  return {
    fileName: file.fileName,
    bytes: file.bytes,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    hasHeader: layout.hasHeader,
    columns: layout.columns,
    rows: layout.rows,
    suggestedMapping: suggestMapping(layout.columns, layout.hasHeader, languages),
  };
}

/** Refuses a mapping the file cannot satisfy before any work starts. */
export function checkMapping(mapping: ColumnMapping, layout: CsvLayout): void {
  const used = Object.values(mapping).filter((column): column is number => column !== null);
  if (new Set(used).size !== used.length) throw new ContractError('INVALID_INPUT', 'Each column can fill only one field.');
  const outside = used.find((column) => column >= layout.width);
  if (outside !== undefined) {
    throw new ContractError('INVALID_INPUT', `The file has ${layout.width} column${layout.width === 1 ? '' : 's'}; column ${outside + 1} is not in it.`);
  }
  if (layout.complete && layout.rows.length === 0) {
    throw new ContractError('INVALID_INPUT', layout.hasHeader ? 'The file has a header row but no words under it.' : 'The file has no rows to import.');
  }
}

/** The most common row width (the widest of equally common ones): one ragged row does not set the shape. */
function usualWidth(widths: number[]): number {
  const counts = new Map<number, number>();
  for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
  let best = 0;
  for (const [width, count] of counts) if (count > (counts.get(best) ?? 0) || (count === counts.get(best) && width > best)) best = width;
  return best;
}

export function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '');
}
