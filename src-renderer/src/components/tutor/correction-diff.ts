import { diffWordsWithSpace } from 'diff';

export interface DiffPiece {
  text: string;
  /** Words the correction removes (on the old side) or brings in (on the new side). */
  changed: boolean;
}

/** The learner's words and the corrected words, each split into unchanged and changed stretches, word by word. */
export function correctionDiff(original: string, corrected: string): { before: DiffPiece[]; after: DiffPiece[] } {
  const before: DiffPiece[] = [];
  const after: DiffPiece[] = [];
  for (const part of diffWordsWithSpace(original, corrected)) {
    if (!part.added) before.push({ text: part.value, changed: Boolean(part.removed) });
    if (!part.removed) after.push({ text: part.value, changed: Boolean(part.added) });
  }
  return { before, after };
}
