import { correction, type Correction } from '../../../src-shared/domain/corrections';
import { LlmError } from '../../providers/llm/llm-errors';
import { extractJson } from './json-reply';

const CATEGORY_ALIASES: Record<string, string> = {
  'word order': 'word_order',
  'word-order': 'word_order',
  wordorder: 'word_order',
  syntax: 'word_order',
  orthography: 'spelling',
  accent: 'spelling',
  accents: 'spelling',
  lexical: 'vocabulary',
  'word choice': 'vocabulary',
  style: 'register',
  formality: 'register',
};
const SEVERITY_ALIASES: Record<string, string> = { low: 'minor', small: 'minor', medium: 'moderate', high: 'major', critical: 'major', severe: 'major' };

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The corrections in an analysis reply, tolerant of servers without structured output: fences and prose around
 * the JSON are ignored, a bare array is accepted, category and severity spellings are normalised, unknown fields
 * dropped, and items that still do not fit (or quote words the learner never wrote, or change nothing) left out.
 * A reply with no readable JSON at all is an error.
 */
export function parseCorrections(reply: string, learnerText: string): Correction[] {
  const value = extractJson(reply);
  const items = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.corrections) ? value.corrections : null;
  if (!items) throw new LlmError('bad_response', { message: 'The analysis of your message came back in a form Parley could not read.' });
  const written = fold(learnerText);
  const seen = new Set<string>();
  const result: Correction[] = [];
  for (const item of items.slice(0, 50)) {
    const parsed = correction.safeParse(normalise(item));
    if (!parsed.success) continue;
    const fix = parsed.data;
    const key = `${fold(fix.original)}→${fold(fix.corrected)}`;
    if (fold(fix.original) === fold(fix.corrected) || !written.includes(fold(fix.original)) || seen.has(key)) continue;
    seen.add(key);
    result.push(fix);
    if (result.length === 20) break;
  }
  return result;
}

function normalise(item: unknown): unknown {
  if (!isObject(item)) return item;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
  const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
  const category = lower(item.category);
  const severity = lower(item.severity) ?? 'moderate';
  return {
    original: text(item.original),
    corrected: text(item.corrected),
    explanation: text(item.explanation) ?? '',
    category: typeof category === 'string' ? (CATEGORY_ALIASES[category] ?? category) : category,
    severity: typeof severity === 'string' ? (SEVERITY_ALIASES[severity] ?? severity) : severity,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Words from a `{"words":[{term, translation}]}` reply, same tolerance. */
export function parseWords(reply: string): { term: string; translation: string }[] {
  const value = extractJson(reply);
  const items = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.words) ? value.words : null;
  if (!items) throw new LlmError('bad_response', { message: 'The word list came back in a form Parley could not read.' });
  return items
    .filter(isObject)
    .map((w) => ({ term: typeof w.term === 'string' ? w.term.trim() : '', translation: typeof w.translation === 'string' ? w.translation.trim() : '' }))
    .filter((w) => w.term.length > 0 && w.term.length <= 200 && w.translation.length <= 500)
    .slice(0, 8);
}
