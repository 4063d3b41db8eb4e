import type { ColumnMapping } from '../../../src-shared/contract/imports';

export type MappedField = keyof ColumnMapping;
export type MappingOverrides = Partial<Record<MappedField, number | null>>;

export const requiredFields = ['term', 'translation'] as const satisfies readonly MappedField[];
export const optionalFields = [
  'example',
  'exampleTranslation',
  'partOfSpeech',
  'gender',
  'ipa',
  'tags',
] as const satisfies readonly MappedField[];

/** The mapping the dialog shows: the learner's choices over the suggestion, without columns the file lacks. */
export function effectiveMapping(
  suggested: Partial<ColumnMapping>,
  overrides: MappingOverrides,
  columnCount: number,
): Partial<Record<MappedField, number | null>> {
  const merged: Partial<Record<MappedField, number | null>> = { ...suggested, ...overrides };
  for (const field of Object.keys(merged) as MappedField[]) {
    const column = merged[field];
    if (column !== null && column !== undefined && column >= columnCount) merged[field] = null;
  }
  return merged;
}

/** The mapping to send, once term and translation each have their own column; null until then. */
export function completeMapping(mapping: Partial<Record<MappedField, number | null>>): ColumnMapping | null {
  const { term, translation } = mapping;
  if (
    term === null ||
    term === undefined ||
    translation === null ||
    translation === undefined ||
    term === translation
  ) {
    return null;
  }
  const optional = (field: (typeof optionalFields)[number]) => mapping[field] ?? null;
  return {
    term,
    translation,
    example: optional('example'),
    exampleTranslation: optional('exampleTranslation'),
    partOfSpeech: optional('partOfSpeech'),
    gender: optional('gender'),
    ipa: optional('ipa'),
    tags: optional('tags'),
  };
}

/** A deck name from the file's name: "spanish-animals.csv" gives "spanish-animals". */
export function deckNameFromFile(fileName: string): string {
  return (
    fileName
      .replace(/\.(csv|tsv|txt)$/i, '')
      .trim()
      .slice(0, 120) || fileName.slice(0, 120)
  );
}
