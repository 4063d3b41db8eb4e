/** FTS5 syntax is never taken from the learner: every word is quoted, so `"`, `*`, `(`, NEAR or `-` are plain text. */
const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A word the tokenizer keeps something of; a quoted word of punctuation alone would match nothing at all. */
export const hasToken = (word: string) => /[\p{L}\p{N}]/u.test(word);

const MAX_WORDS = 16;

/**
 * What the learner typed as an FTS5 query: each word a prefix term (so results follow the typing), all required.
 * Accents need nothing here: the index and the query both go through `remove_diacritics 2`.
 */
export function ftsWords(input: string): string[] {
  return input
    .normalize('NFC')
    .split(/\s+/)
    .filter(hasToken)
    .slice(0, MAX_WORDS)
    .map((word) => `${quote(word)}*`);
}

/** A whole tag, matched in the tags column only (its words in a row: the caller checks the exact tag). */
export function ftsTag(tag: string): string {
  return `tags : ${quote(tag)}`;
}

export function ftsMatch(parts: string[]): string | null {
  return parts.length ? parts.join(' AND ') : null;
}
