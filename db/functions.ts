import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { findTerm } from '../src-shared/domain/cloze';

/**
 * A card's id follows from its note's id and its kind, so two devices that create the same note create the
 * same cards: the note's change record is all sync needs. Keeps the note's UUIDv7 time prefix, so ids still
 * sort by creation.
 */
export function cardIdFor(noteId: string, kind: string): string {
  const hash = createHash('sha256').update(`${noteId}/${kind}`).digest('hex');
  const variant = ((parseInt(hash[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${noteId.slice(0, 8)}-${noteId.slice(9, 13)}-7${hash.slice(0, 3)}-${variant}${hash.slice(4, 7)}-${hash.slice(7, 19)}`;
}

/** True when one of the note's example sentences contains the term, so a cloze card can be made. */
export function hasCloze(term: string, examplesJson: string): boolean {
  try {
    const examples = JSON.parse(examplesJson) as { text?: string }[];
    return examples.some((e) => typeof e.text === 'string' && findTerm(term, e.text) !== null);
  } catch {
    return false;
  }
}

/** SQL functions every connection gets (card derivation runs in SQL for the import path). */
export function registerFunctions(sqlite: Database.Database): void {
  sqlite.function('parley_card_id', { deterministic: true }, (noteId, kind) => cardIdFor(String(noteId), String(kind)));
  sqlite.function('parley_has_cloze', { deterministic: true }, (term, examples) => (hasCloze(String(term), String(examples)) ? 1 : 0));
}
