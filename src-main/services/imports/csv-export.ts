import Papa from 'papaparse';
import type { Note } from '../../../src-shared/domain/vocabulary';

export const CSV_EXPORT_COLUMNS = ['term', 'translation', 'example', 'example_translation', 'part_of_speech', 'gender', 'ipa', 'tags'] as const;

export type ExportableNote = Pick<Note, 'term' | 'translation' | 'examples' | 'partOfSpeech' | 'gender' | 'ipa' | 'tags'>;

/**
 * A deck as CSV that Parley (and any spreadsheet) reads back: a header row, several example sentences one per
 * line inside their cell (their translations likewise, line for line), tags separated by spaces. Values that a
 * spreadsheet would run as a formula get a leading apostrophe, which the importer removes again. With `bom`, a
 * UTF-8 byte order mark tells Excel the encoding.
 */
export function notesToCsv(rows: readonly ExportableNote[], { bom = true }: { bom?: boolean } = {}): string {
  const data = rows.map((note) => [
    note.term,
    note.translation,
    note.examples.map((e) => e.text).join('\n'),
    note.examples.map((e) => e.translation).join('\n'),
    note.partOfSpeech ?? '',
    note.gender ?? '',
    note.ipa ?? '',
    note.tags.join(' '),
  ]);
  const csv = Papa.unparse({ fields: [...CSV_EXPORT_COLUMNS], data }, { newline: '\r\n', escapeFormulae: true });
  // Papaparse ends a header-only file with a line break and a full one without; a file ends with exactly one.
  return (bom ? '\ufeff' : '') + csv.replace(/(\r\n)?$/, '\r\n');
}
