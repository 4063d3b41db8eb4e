import type { z } from 'zod';
import type { ColumnMapping, rowProblem } from '../../../src-shared/contract/imports';
import type { Newline } from './csv-rows';
import type { CsvEncoding } from './encoding';

/** What the main thread hands the import worker (structured-cloned, plus one shared control word). */
export interface ImportWorkerData {
  databaseFile: string;
  filePath: string;
  profileId: string;
  target: { kind: 'deck'; deckId: string } | { kind: 'newDeck'; name: string; nativeLanguage: string; targetLanguage: string };
  read: { encoding: CsvEncoding; delimiter: string; newline: Newline; hasHeader: boolean; width: number };
  mapping: ColumnMapping;
  duplicates: 'skip' | 'update' | 'keepBoth';
  commit: boolean;
  /** The core's clock when the job started: the worker counts on from it so tests with a fixed clock agree. */
  startedAt: number;
  /** An Int32Array over it holds one ImportState, set by either thread with compare-and-swap. */
  control: SharedArrayBuffer;
}

/** The import's one shared word: whoever moves it out of RUNNING first decides whether it commits or cancels. */
export const ImportState = { RUNNING: 0, CANCELLED: 1, COMMITTING: 2 } as const;

export type RowProblem = z.infer<typeof rowProblem>;

export interface ImportCounts {
  /** Data rows read (blank lines and the header not counted). */
  rows: number;
  imported: number;
  updated: number;
  skipped: number;
  rejectedCount: number;
}

export interface ImportSummary extends ImportCounts {
  /** The first MAX_REPORTED_PROBLEMS rejected rows; rejectedCount counts them all. */
  rejected: RowProblem[];
  deckId: string | null;
  committed: boolean;
}

export const MAX_REPORTED_PROBLEMS = 1000;

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; phase: 'reading' | 'saving'; counts: ImportCounts }
  | { type: 'finished'; summary: ImportSummary }
  | { type: 'failed'; message: string };
