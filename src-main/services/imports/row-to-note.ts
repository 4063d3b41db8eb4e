import type { ColumnMapping } from '../../../src-shared/contract/imports';
import { partsOfSpeech } from '../../../src-shared/domain/vocabulary';
import type { NoteInput } from '../notes/notes-service';

/**
 * The limits of `noteFields` (src-shared/domain/vocabulary.ts), checked by hand: zod costs ~5 µs a row, a tenth of
 * the whole import budget. tests/imports/row-to-note.test.ts keeps the two in agreement.
 */
export const NOTE_LIMITS = { term: 500, translation: 1000, exampleText: 1000, examples: 10, ipa: 200, tag: 60, tags: 50 } as const;

export type RowVerdict = { ok: true; note: NoteInput } | { ok: false; reason: string };

const PART_OF_SPEECH_NAMES = new Map<string, (typeof partsOfSpeech)[number]>(Object.entries({
  n: 'noun', noun: 'noun', nouns: 'noun', sustantivo: 'noun', nombre: 'noun',
  v: 'verb', vb: 'verb', verb: 'verb', verbo: 'verb',
  adj: 'adjective', adjective: 'adjective', adjetivo: 'adjective',
  adv: 'adverb', adverb: 'adverb', adverbio: 'adverb',
  pron: 'pronoun', pronoun: 'pronoun', pronombre: 'pronoun',
  prep: 'preposition', preposition: 'preposition', preposicion: 'preposition',
  conj: 'conjunction', conjunction: 'conjunction', conjuncion: 'conjunction',
  det: 'determiner', determiner: 'determiner', article: 'determiner', art: 'determiner', determinante: 'determiner', articulo: 'determiner',
  num: 'numeral', numeral: 'numeral', number: 'numeral', numero: 'numeral',
  interj: 'interjection', interjection: 'interjection', interjeccion: 'interjection',
  phrase: 'phrase', expression: 'phrase', idiom: 'phrase', frase: 'phrase', expresion: 'phrase', locucion: 'phrase',
} as const));

const GENDER_NAMES = new Map<string, 'm' | 'f' | 'n' | 'mf'>(Object.entries({
  m: 'm', masc: 'm', masculine: 'm', masculino: 'm', der: 'm', el: 'm', le: 'm', il: 'm',
  f: 'f', fem: 'f', feminine: 'f', femenino: 'f', die: 'f', la: 'f',
  n: 'n', neut: 'n', neuter: 'n', neutro: 'n', das: 'n',
  mf: 'mf', 'm/f': 'mf', 'm f': 'mf', 'f/m': 'mf', common: 'mf', comun: 'mf', both: 'mf', ambos: 'mf',
} as const));

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
/** What spreadsheet exports put before a value starting like a formula; notesToCsv writes it too. */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

const simplify = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '').trim();
const lookup = <T>(names: Map<string, T>, value: string): T | null => names.get(value.toLowerCase()) ?? names.get(simplify(value)) ?? null;

/** A cell's value, trimmed, without the apostrophe that guards formula-like values. */
function cell(fields: string[], column: number | null): string {
  if (column === null) return '';
  const value = fields[column] ?? '';
  return (value.charCodeAt(0) === 39 ? value.replace(FORMULA_GUARD, '') : value).trim();
}

/** Control characters or the decoder's replacement character in any used cell, as a reason. */
function badCharacters(cells: string[]): string | null {
  for (const value of cells) {
    if (CONTROL.test(value)) return 'The row contains control characters, as binary data would.';
    if (value.includes('\ufffd')) return 'The row has characters that are not valid in the chosen encoding. Try another encoding.';
  }
  return null;
}

/** Turns one CSV row into a note's fields, or says in plain words why it cannot be one. */
export function rowToNote(fields: string[], mapping: ColumnMapping, width: number): RowVerdict {
  const shape = checkShape(fields, mapping, width);
  if (shape) return { ok: false, reason: shape };
  const term = cell(fields, mapping.term);
  const translation = cell(fields, mapping.translation);
  const example = cell(fields, mapping.example);
  const exampleTranslation = cell(fields, mapping.exampleTranslation);
  const pos = cell(fields, mapping.partOfSpeech);
  const genderCell = cell(fields, mapping.gender);
  const ipa = cell(fields, mapping.ipa);
  const tagsCell = cell(fields, mapping.tags);
  const bad = badCharacters([term, translation, example, exampleTranslation, pos, genderCell, ipa, tagsCell]);
  if (bad) return { ok: false, reason: bad };
  if (!term) return { ok: false, reason: 'The term is empty.' };
  if (!translation) return { ok: false, reason: 'The translation is empty.' };
  if (term.length > NOTE_LIMITS.term) return { ok: false, reason: `The term is longer than ${NOTE_LIMITS.term} characters.` };
  if (translation.length > NOTE_LIMITS.translation) return { ok: false, reason: `The translation is longer than ${NOTE_LIMITS.translation} characters.` };
  if (ipa.length > NOTE_LIMITS.ipa) return { ok: false, reason: `The pronunciation is longer than ${NOTE_LIMITS.ipa} characters.` };
  const examples = toExamples(example, exampleTranslation);
  if (typeof examples === 'string') return { ok: false, reason: examples };
  const partOfSpeech = pos ? lookup(PART_OF_SPEECH_NAMES, pos) : null;
  if (pos && !partOfSpeech) return { ok: false, reason: `Unknown part of speech “${pos.slice(0, 40)}” (use ${partsOfSpeech.join(', ')}).` };
  const gender = genderCell ? lookup(GENDER_NAMES, genderCell) : null;
  if (genderCell && !gender) return { ok: false, reason: `Unknown gender “${genderCell.slice(0, 40)}” (use m, f, n or mf).` };
  const tags = toTags(tagsCell);
  if (typeof tags === 'string') return { ok: false, reason: tags };
  return { ok: true, note: { term, translation, examples, partOfSpeech, gender, ipa: ipa || null, tags } };
}

/** Ragged rows: too few fields to hold a mapped column, or more than the header (a delimiter inside a value). */
function checkShape(fields: string[], mapping: ColumnMapping, width: number): string | null {
  if (fields.length > width && fields.slice(width).some((f) => f.trim() !== '')) {
    return `The row has ${fields.length} fields but the file has ${width} columns: a value may contain an unquoted delimiter.`;
  }
  for (const [field, column] of [['term', mapping.term], ['translation', mapping.translation]] as const) {
    if (column >= fields.length) return `The row has only ${fields.length} field${fields.length === 1 ? '' : 's'}, so the ${field} (column ${column + 1}) is missing.`;
  }
  return null;
}

/** One example per line of the cell; the translation cell's lines pair with them (how notesToCsv writes several). */
function toExamples(example: string, translation: string): NoteInput['examples'] | string {
  if (!example) return [];
  if (!example.includes('\n')) {
    if (example.length > NOTE_LIMITS.exampleText || translation.length > NOTE_LIMITS.exampleText) {
      return `An example sentence or its translation is longer than ${NOTE_LIMITS.exampleText} characters.`;
    }
    return [{ text: example, translation }];
  }
  const texts = example.split(/\r?\n/);
  const translations = translation.split(/\r?\n/);
  const examples = texts
    .map((text, i) => ({ text: text.trim(), translation: (translations[i] ?? '').trim() }))
    .filter((e) => e.text !== '');
  if (examples.length > NOTE_LIMITS.examples) return `More than ${NOTE_LIMITS.examples} example sentences.`;
  if (examples.some((e) => e.text.length > NOTE_LIMITS.exampleText || e.translation.length > NOTE_LIMITS.exampleText)) {
    return `An example sentence or its translation is longer than ${NOTE_LIMITS.exampleText} characters.`;
  }
  return examples;
}

/** Tags are separated by spaces or commas, stored in lower case, each once. */
function toTags(cell: string): string[] | string {
  if (!cell) return [];
  const tags = [...new Set(cell.toLowerCase().split(/[\s,]+/))].filter(Boolean);
  if (tags.length > NOTE_LIMITS.tags) return `More than ${NOTE_LIMITS.tags} tags.`;
  const long = tags.find((t) => t.length > NOTE_LIMITS.tag);
  if (long) return `The tag “${long.slice(0, 20)}…” is longer than ${NOTE_LIMITS.tag} characters.`;
  return tags;
}
