import { diffArrays } from 'diff';
import type { ShadowWord } from '../../../src-shared/domain/voice';

/** A word as it is compared: lower case, no diacritics, no punctuation. */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Words with their shown form and compared form (punctuation-only tokens dropped). */
function tokens(text: string): { shown: string; key: string }[] {
  return text
    .split(/\s+/)
    .map((shown) => ({ shown: shown.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), key: normalizeWord(shown) }))
    .filter((t) => t.key.length > 0);
}

/** Levenshtein distance of two short words. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Close: one edit in up to five letters, two in longer words (a misheard ending, a missing letter). */
export function isClose(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed = Math.max(a.length, b.length) <= 5 ? 1 : 2;
  return Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}

/**
 * The shadowing attempt word by word: each word of the sentence is `exact`, `close` (small spelling distance after
 * normalising case, punctuation and diacritics) or `missed` (with what was heard in its place, if anything); words
 * heard that are not in the sentence are `extra`. Score: exact 1, close ½, over the sentence's words.
 */
export function matchShadowing(sentence: string, transcript: string): { words: ShadowWord[]; score: number } {
  const expected = tokens(sentence);
  const heard = tokens(transcript);
  const changes = diffArrays(
    expected.map((t) => t.key),
    heard.map((t) => t.key),
    { comparator: isClose },
  );
  const words: ShadowWord[] = [];
  let e = 0;
  let h = 0;
  for (let c = 0; c < changes.length; c += 1) {
    const change = changes[c]!;
    const n = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      for (let k = 0; k < n; k += 1, e += 1, h += 1) {
        words.push({ word: expected[e]!.shown, heard: heard[h]!.shown, match: expected[e]!.key === heard[h]!.key ? 'exact' : 'close' });
      }
    } else if (change.removed) {
      const next = changes[c + 1];
      const replaced = next?.added ? (next.count ?? next.value.length) : 0;
      for (let k = 0; k < n; k += 1, e += 1) {
        const substitute = k < replaced ? heard[h + k]!.shown : null;
        words.push({ word: expected[e]!.shown, heard: substitute, match: 'missed' });
      }
      if (replaced) {
        for (let k = n; k < replaced; k += 1) words.push({ word: heard[h + k]!.shown, heard: heard[h + k]!.shown, match: 'extra' });
        h += replaced;
        c += 1;
      }
    } else {
      for (let k = 0; k < n; k += 1, h += 1) words.push({ word: heard[h]!.shown, heard: heard[h]!.shown, match: 'extra' });
    }
  }
  const points = words.reduce((sum, w) => sum + (w.match === 'exact' ? 1 : w.match === 'close' ? 0.5 : 0), 0);
  const score = expected.length ? Math.round((points / expected.length) * 100) / 100 : 0;
  return { words, score };
}
