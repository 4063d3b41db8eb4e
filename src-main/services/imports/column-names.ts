import type { ColumnMapping } from '../../../src-shared/contract/imports';

export type MappedField = keyof ColumnMapping;

/** Header names people give these columns, in English and Spanish, compared without case or accents. */
const KNOWN_NAMES: Record<MappedField, string[]> = {
  exampleTranslation: [
    'example translation', 'sentence translation', 'translated example', 'translation of example', 'example meaning',
    'traduccion del ejemplo', 'traduccion de ejemplo', 'traduccion ejemplo', 'traduccion de la frase', 'traduccion de la oracion',
  ],
  term: [
    'term', 'word', 'front', 'expression', 'vocabulary', 'vocab', 'lemma', 'headword', 'entry',
    'palabra', 'termino', 'vocablo', 'frente', 'anverso', 'expresion', 'entrada', 'vocabulario',
  ],
  translation: ['translation', 'meaning', 'back', 'definition', 'gloss', 'traduccion', 'significado', 'reverso', 'definicion', 'dorso'],
  example: [
    'example', 'examples', 'sentence', 'example sentence', 'context',
    'ejemplo', 'ejemplos', 'frase', 'oracion', 'frase de ejemplo', 'oracion de ejemplo',
  ],
  partOfSpeech: [
    'part of speech', 'pos', 'word class', 'word type', 'type', 'class', 'category', 'grammar',
    'parte de la oracion', 'categoria gramatical', 'clase de palabra', 'tipo', 'categoria', 'clase',
  ],
  gender: ['gender', 'grammatical gender', 'genus', 'genero', 'genero gramatical'],
  ipa: ['ipa', 'pronunciation', 'phonetic', 'phonetics', 'transcription', 'pronunciacion', 'fonetica', 'afi', 'transcripcion'],
  tags: ['tags', 'tag', 'labels', 'label', 'keywords', 'etiquetas', 'etiqueta'],
};

export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Names of a language in English, in Spanish and in itself ("Spanish", "español"), normalised. */
function languageNames(code: string): string[] {
  const names = new Set<string>();
  for (const locale of ['en', 'es', code]) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
      if (name && name !== code) names.add(normalizeName(name));
    } catch {
      // A locale this runtime does not know adds no names.
    }
  }
  return [...names];
}

/** The learner's languages: a column named after the language studied holds terms; the native one, translations. */
export interface Languages {
  native: string;
  target: string;
}

/** Which field a header name stands for, or null. */
export function fieldForName(name: string, languages: Languages | null): MappedField | null {
  const normalized = normalizeName(name);
  if (!normalized) return null;
  for (const [field, names] of Object.entries(KNOWN_NAMES) as [MappedField, string[]][]) {
    if (names.includes(normalized)) return field;
  }
  if (languages && languageNames(languages.target).includes(normalized)) return 'term';
  if (languages && languageNames(languages.native).includes(normalized)) return 'translation';
  return null;
}

/**
 * A first row is a header when it names columns Parley knows, or when it differs in kind from the rows under it
 * (text above a column of numbers).
 */
export function looksLikeHeader(rows: string[][], languages: Languages | null): boolean {
  const [first, ...rest] = rows;
  if (!first) return false;
  if (first.some((cell) => fieldForName(cell, languages) !== null)) return true;
  if (rest.length < 2) return false;
  const isNumber = (cell: string | undefined) => cell !== undefined && cell.trim() !== '' && !Number.isNaN(Number(cell.trim()));
  return first.some((cell, column) => !isNumber(cell) && cell.trim() !== '' && rest.every((row) => isNumber(row[column])));
}

/** A guess of which column holds what. Without names to go by, the first two columns are term and translation. */
export function suggestMapping(columns: string[], hasHeader: boolean, languages: Languages | null): Partial<ColumnMapping> {
  const mapping: Partial<Record<MappedField, number>> = {};
  if (hasHeader) {
    columns.forEach((name, index) => {
      const field = fieldForName(name, languages);
      if (field && mapping[field] === undefined) mapping[field] = index;
    });
  }
  const taken = new Set(Object.values(mapping));
  const free = columns.map((_, index) => index).filter((index) => !taken.has(index));
  if (mapping.term === undefined && free.length > 0) mapping.term = free.shift();
  if (mapping.translation === undefined && free.length > 0) mapping.translation = free.shift();
  return mapping;
}
