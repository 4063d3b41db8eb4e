import Papa from 'papaparse';

export type Newline = '\n' | '\r' | '\r\n';

export interface CsvDialect {
  delimiter: string;
  newline: Newline;
}

export interface CsvRow {
  fields: string[];
  /** The line of the file the row starts on (1-based), as a text editor counts them. */
  line: number;
  /** Why the row cannot be trusted as parsed (broken quotes), or null. */
  problem: string | null;
}

/** A row longer than this is not a vocabulary entry: it is an unclosed quote swallowing the file, or junk. */
export const MAX_ROW_CHARS = 1_000_000;

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'A quoted value that starts on this line is never closed.',
  InvalidQuotes: 'A quoted value on this line has a stray quote in it (write "" for a quote inside quotes).',
};

/** The line break a file uses, from its first lines: Windows, Unix, or old Mac. */
export function detectNewline(text: string): Newline {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\n')) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/**
 * Reads CSV text handed over in pieces (a file streamed chunk by chunk) and returns complete rows with the line
 * each starts on. Papaparse's own parser does the quoting; this keeps the unfinished last row between pieces,
 * the way papaparse's streamers do, and stops when a single row grows past MAX_ROW_CHARS.
 */
export class CsvRowReader {
  private readonly parser: Papa.Parser;
  private pending = '';
  private nextLine = 1;
  /** Set once the rest of the file cannot be read as rows. */
  stopped = false;

  constructor(private readonly dialect: CsvDialect) {
    // The Parser takes one line break; '\n' also splits '\r\n' files, whose stray '\r' is trimmed below.
    const newline = dialect.newline === '\r' ? '\r' : '\n';
    this.parser = new Papa.Parser({ delimiter: dialect.delimiter, newline, quoteChar: '"' });
  }

  /** Feeds the next piece of text; `last` marks the end of the file. */
  push(text: string, last: boolean): CsvRow[] {
    if (this.stopped) return [];
    const input = this.pending + text;
    const result = this.parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    this.pending = last ? '' : input.slice(result.meta.cursor);
    const rows = this.toRows(result);
    if (this.pending.length > MAX_ROW_CHARS) rows.push(this.giveUp());
    return rows;
  }

  private toRows(result: Papa.ParseResult<string[]>): CsvRow[] {
    const problems = new Map<number, string>();
    for (const error of result.errors) {
      if (error.row !== undefined && !problems.has(error.row)) problems.set(error.row, QUOTE_PROBLEMS[error.code] ?? error.message);
    }
    const lineBreak = this.dialect.newline === '\r' ? '\r' : '\n';
    return result.data.map((fields, index) => {
      const last = fields.length - 1;
      if (lineBreak === '\n' && fields[last]?.endsWith('\r')) fields[last] = fields[last]!.slice(0, -1);
      const row: CsvRow = { fields, line: this.nextLine, problem: problems.get(index) ?? null };
      this.nextLine += 1 + countBreaks(fields, lineBreak);
      return row;
    });
  }

  /** Nothing after a runaway row can be split into rows reliably, so reading ends there with a clear reason. */
  private giveUp(): CsvRow {
    const unclosedQuote = this.pending.includes('\n') || this.pending.includes('\r');
    const problem = unclosedQuote
      ? 'A quoted value that starts on this line is never closed, so the rest of the file cannot be read as rows.'
      : 'This line is longer than a million characters, so the rest of the file cannot be read as rows.';
    this.stopped = true;
    this.pending = '';
    return { fields: [], line: this.nextLine, problem };
  }
}

function countBreaks(fields: string[], lineBreak: string): number {
  let count = 0;
  for (const field of fields) {
    let at = field.indexOf(lineBreak);
    while (at !== -1) {
      count += 1;
      at = field.indexOf(lineBreak, at + 1);
    }
  }
  return count;
}

const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof CANDIDATE_DELIMITERS)[number];

/**
 * Papaparse's guess, limited to the delimiters Parley offers: the one that splits the first rows into the most
 * consistent number of fields (at least two), more fields breaking ties. Comma when nothing fits.
 */
export function detectDelimiter(text: string, newline: Newline): Delimiter {
  let best: { delimiter: Delimiter; delta: number; average: number } | null = null;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const parser = new Papa.Parser({ delimiter, newline: newline === '\r' ? '\r' : '\n', preview: 20 });
    const counts = (parser.parse(text, 0, false) as Papa.ParseResult<string[]>).data
      .filter((row) => row.some((f) => f.trim() !== ''))
      .map((row) => row.length);
    if (counts.length === 0) continue;
    const average = counts.reduce((a, b) => a + b, 0) / counts.length;
    const delta = counts.slice(1).reduce((sum, count, i) => sum + Math.abs(count - counts[i]!), 0);
    if (average < 1.99) continue;
    if (!best || delta < best.delta || (delta === best.delta && average > best.average)) best = { delimiter, delta, average };
  }
  return best?.delimiter ?? ',';
}
