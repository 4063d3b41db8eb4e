const RESERVED = new Set([...'\\/:*?"<>|']);

/** A file name from a deck's full name that every file system accepts: no reserved or control characters. */
export function csvFileName(fullName: string): string {
  const safe = [...fullName.replace(/::/g, ' - ')]
    .map((ch) => (RESERVED.has(ch) || ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 100);
  return `${safe || 'deck'}.csv`;
}
