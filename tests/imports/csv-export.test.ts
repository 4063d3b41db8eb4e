import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesToCsv, type ExportableNote } from '../../src-main/services/imports/csv-export';
import { importingLearner } from '../support/csv-fixtures';

let learner: Awaited<ReturnType<typeof importingLearner>>;
beforeAll(async () => {
  learner = await importingLearner();
});
afterAll(async () => learner.core.close());

const NOTES: ExportableNote[] = [
  {
    term: 'la casa',
    translation: 'the house, the home',
    examples: [
      { text: 'Mi casa es "tu" casa.', translation: 'My house is "your" house.' },
      { text: 'Vuelvo a casa.', translation: '' },
    ],
    partOfSpeech: 'noun',
    gender: 'f',
    ipa: 'la ˈka.sa',
    tags: ['home', 'a1'],
  },
  { term: '-ito', translation: '=diminutive', examples: [], partOfSpeech: null, gender: null, ipa: null, tags: [] },
  { term: '@casa', translation: '+home; at home', examples: [{ text: 'Estoy en casa.', translation: 'I am at home.' }], partOfSpeech: 'phrase', gender: null, ipa: null, tags: ['idiom'] },
  { term: 'Straße', translation: 'street', examples: [], partOfSpeech: 'noun', gender: 'f', ipa: 'ˈʃtʁaːsə', tags: ['de'] },
];

describe('exporting a deck as CSV', () => {
  it('writes a header row and guards formula-like values for spreadsheets', () => {
    const csv = notesToCsv(NOTES);
    expect(csv.startsWith('\ufeffterm,translation,example,example_translation,part_of_speech,gender,ipa,tags\r\n')).toBe(true);
    expect(csv).toContain(`"'-ito","'=diminutive"`);
    expect(notesToCsv([], { bom: false })).toBe('term,translation,example,example_translation,part_of_speech,gender,ipa,tags\r\n');
  });

  it('re-imports to the same notes', async () => {
    const fileId = learner.csvFile('export.csv', notesToCsv(NOTES));
    const preview = await learner.c.call('import:csvPreview', { fileId });
    expect(preview).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', hasHeader: true });
    const { suggestedMapping } = preview;
    expect(suggestedMapping).toEqual({ term: 0, translation: 1, example: 2, exampleTranslation: 3, partOfSpeech: 4, gender: 5, ipa: 6, tags: 7 });
    const { jobId } = await learner.c.call('import:csvStart', {
      fileId,
      target: { kind: 'newDeck', name: 'Round trip' },
      mapping: { term: 0, translation: 1, example: 2, exampleTranslation: 3, partOfSpeech: 4, gender: 5, ipa: 6, tags: 7 },
      duplicates: 'keepBoth',
      commit: true,
    });
    const result = await learner.waitForImport(jobId);
    expect(result).toMatchObject({ imported: NOTES.length, rejectedCount: 0 });
    const back = learner.notesInDeck(result.deckId!).map((row) => ({
      term: row.term,
      translation: row.translation,
      examples: JSON.parse(row.examples) as unknown,
      partOfSpeech: row.partOfSpeech,
      gender: row.gender,
      ipa: row.ipa,
      tags: row.tags ? row.tags.split(' ') : [],
    }));
    expect(back).toEqual(NOTES);
  });
});
