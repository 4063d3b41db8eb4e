/** Where the term occurs in a sentence (case-insensitive, whole form), or null. */
export function findTerm(term: string, sentence: string): { start: number; end: number } | null {
  const needle = term.trim().toLocaleLowerCase();
  if (!needle) return null;
  const start = sentence.toLocaleLowerCase().indexOf(needle);
  return start < 0 ? null : { start, end: start + needle.length };
}

export const CLOZE_BLANK = '[…]';

/** The sentence with the term blanked out, or null when the term is not in it. */
export function blankTerm(term: string, sentence: string): string | null {
  const at = findTerm(term, sentence);
  return at ? sentence.slice(0, at.start) + CLOZE_BLANK + sentence.slice(at.end) : null;
}
