import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { wordsOf } from './syllables';

const fillerList = z.array(z.string().min(1).max(40)).max(200);

/** Filler words and phrases of a language from `resources/fillers/<lang>.json` (none when there is no list). */
export function loadFillers(resourcesDir: string, language: string): string[][] {
  if (!/^[a-z]{2}$/.test(language)) return [];
  try {
    const raw: unknown = JSON.parse(readFileSync(path.join(resourcesDir, 'fillers', `${language}.json`), 'utf8'));
    return fillerList.parse(raw).map((f) => wordsOf(f)).filter((f) => f.length > 0);
  } catch {
    return [];
  }
}

/** Fillers in a word sequence, longest phrase first, without overlaps: how many, and which (each once). */
export function findFillers(words: string[], fillers: string[][]): { count: number; found: string[] } {
  const phrases = [...fillers].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  let count = 0;
  for (let i = 0; i < words.length; ) {
    const hit = phrases.find((p) => p.every((w, k) => words[i + k] === w));
    if (!hit) {
      i += 1;
      continue;
    }
    count += 1;
    const phrase = hit.join(' ');
    if (!found.includes(phrase)) found.push(phrase);
    i += hit.length;
  }
  return { count, found };
}
