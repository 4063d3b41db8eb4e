import type { AnkiFieldMapping } from '../../../src-shared/contract/anki';

/** What the main thread hands the Anki import worker. */
export interface AnkiImportData {
  databaseFile: string;
  dataDir: string;
  filePath: string;
  profileId: string;
  nativeLanguage: string;
  targetLanguage: string;
  /** Note type id → its mapping; a note type left out (or `skip`) is not imported. */
  mappings: Record<string, { mapping: AnkiFieldMapping; skip: boolean }>;
  /** The core's clock when the job started; the worker counts on from it. */
  startedAt: number;
  /** One Int32 holding an ImportState (services/imports/import-protocol.ts), flipped by compare-and-swap. */
  control: SharedArrayBuffer;
}

export interface AnkiImportCounts {
  imported: number;
  updated: number;
  skipped: number;
  cards: number;
  reviews: number;
  media: number;
}

export interface AnkiImportSummary extends AnkiImportCounts {
  missingMedia: string[];
  problems: { what: string; reason: string }[];
  deckIds: string[];
  committed: boolean;
}

export const MAX_REPORTED = 100;

export type AnkiImportMessage =
  | { type: 'progress'; done: number; total: number; phase: string; counts: AnkiImportCounts }
  | { type: 'finished'; summary: AnkiImportSummary }
  | { type: 'failed'; message: string };

export function emptyAnkiSummary(): AnkiImportSummary {
  return { imported: 0, updated: 0, skipped: 0, cards: 0, reviews: 0, media: 0, missingMedia: [], problems: [], deckIds: [], committed: false };
}
