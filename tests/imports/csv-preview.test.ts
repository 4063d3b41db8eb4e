import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, sampleProfile } from '../support/test-core';
import { importingLearner } from '../support/csv-fixtures';

let learner: Awaited<ReturnType<typeof importingLearner>>;
beforeAll(async () => {
  learner = await importingLearner();
});
afterAll(async () => learner.core.close());

/** Unmapped fields come back as null. */
const mapped = (fields: Record<string, number>) => ({ example: null, exampleTranslation: null, partOfSpeech: null, gender: null, ipa: null, tags: null, ...fields });
const preview = (fileId: string, options: { encoding?: 'utf-8' | 'windows-1252'; delimiter?: ';' | ','; hasHeader?: boolean } = {}) =>
  learner.c.call('import:csvPreview', { fileId, ...options });

describe('the import preview', () => {
  it('guesses a comma-separated file with a header and maps its columns by name', async () => {
    const fileId = learner.csvFile('words.csv', 'Word,Meaning,Example,Example translation,POS,Gender,Tags\r\ncasa,house,Mi casa.,My house.,noun,f,home\r\nperro,dog,,,noun,m,\r\n');
    const result = await preview(fileId);
    expect(result).toMatchObject({ fileName: 'words.csv', encoding: 'utf-8', delimiter: ',', hasHeader: true });
    expect(result.columns).toEqual(['Word', 'Meaning', 'Example', 'Example translation', 'POS', 'Gender', 'Tags']);
    expect(result.rows).toEqual([
      ['casa', 'house', 'Mi casa.', 'My house.', 'noun', 'f', 'home'],
      ['perro', 'dog', '', '', 'noun', 'm', ''],
    ]);
    expect(result.suggestedMapping).toEqual(mapped({ term: 0, translation: 1, example: 2, exampleTranslation: 3, partOfSpeech: 4, gender: 5, tags: 6 }));
  });

  it('reads Spanish header names and a semicolon delimiter', async () => {
    const fileId = learner.csvFile('es.csv', 'Palabra;Traducción;Frase de ejemplo;Género\nárbol;tree;El árbol es alto, muy alto.;m\nniña;girl;La niña canta.;f\n');
    const result = await preview(fileId);
    expect(result).toMatchObject({ delimiter: ';', hasHeader: true });
    expect(result.suggestedMapping).toEqual(mapped({ term: 0, translation: 1, example: 2, gender: 3 }));
  });

  it('takes a column named after the language studied as the term, the native one as the translation', async () => {
    const fileId = learner.csvFile('langs.tsv', 'English\tSpanish\nhouse\tcasa\ndog\tperro\n');
    const result = await preview(fileId);
    expect(result).toMatchObject({ delimiter: '\t', hasHeader: true });
    expect(result.suggestedMapping).toEqual(mapped({ term: 1, translation: 0 }));
  });

  it('sees when there is no header and names no columns', async () => {
    const fileId = learner.csvFile('plain.txt', 'casa|house\nperro|dog\ngato|cat\n');
    const result = await preview(fileId);
    expect(result).toMatchObject({ delimiter: '|', hasHeader: false, columns: ['', ''] });
    expect(result.rows).toHaveLength(3);
    expect(result.suggestedMapping).toEqual(mapped({ term: 0, translation: 1 }));
  });

  it('spots a header above a column of numbers', async () => {
    const fileId = learner.csvFile('ranked.csv', 'lemma_es,gloss_en,freq\nde,of,1\nla,the,2\nque,that,3\n');
    expect((await preview(fileId)).hasHeader).toBe(true);
  });

  it('detects the encoding: BOMs, UTF-16 with and without a BOM, Windows-1252', async () => {
    const text = 'término,traducción\nniño,child\ncafé,coffee\nüber,over\n';
    const cases = [
      ['utf-8-bom', 'utf-8-bom'],
      ['utf-16le', 'utf-16le'],
      ['utf-16be', 'utf-16be'],
      ['windows-1252', 'windows-1252'],
      ['utf-8', 'utf-8'],
    ] as const;
    for (const [written, detected] of cases) {
      const result = await preview(learner.csvFile(`enc-${written}.csv`, text, written));
      expect(result.encoding, written).toBe(detected);
      expect(result.columns, written).toEqual(['término', 'traducción']);
      expect(result.rows, written).toEqual([['niño', 'child'], ['café', 'coffee'], ['über', 'over']]);
    }
    const noBom = learner.csvFile('utf16-nobom.csv', Buffer.from(text, 'utf16le'));
    expect(await preview(noBom)).toMatchObject({ encoding: 'utf-16le', rows: [['niño', 'child'], ['café', 'coffee'], ['über', 'over']] });
  });

  it('lets the learner override the guesses', async () => {
    const fileId = learner.csvFile('override.csv', 'a;b,c\nd;e,f\n');
    expect(await preview(fileId)).toMatchObject({ hasHeader: false });
    const overridden = await preview(fileId, { delimiter: ';', hasHeader: true, encoding: 'windows-1252' });
    expect(overridden).toMatchObject({ delimiter: ';', hasHeader: true, encoding: 'windows-1252', columns: ['a', 'b,c'], rows: [['d', 'e,f']] });
  });

  it('reads only the head of a large file and shows ten rows', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `palabra${i},word ${i}`).join('\n');
    const result = await preview(learner.csvFile('large.csv', `term,translation\n${body}\n`));
    expect(result.bytes).toBeGreaterThan(300_000);
    expect(result.rows).toHaveLength(10);
    expect(result.rows[9]).toEqual(['palabra9', 'word 9']);
  });

  it('refuses empty files, binary files, and file ids that are not this learner’s', async () => {
    await expect(preview(learner.csvFile('empty.csv', ''))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'The file is empty.' });
    await expect(preview(learner.csvFile('blank.csv', '\n\n  \n'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(2000, 7)]);
    await expect(preview(learner.csvFile('picture.csv', png))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/binary/) });
    await expect(preview('AAAAAAAAAAAAAAAAAAAAAAAA')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const mine = learner.csvFile('mine.csv', 'casa,house\n');
    const other = caller(learner.core);
    await other.call('profiles:create', { ...sampleProfile, displayName: 'Other' });
    await expect(other.call('import:csvPreview', { fileId: mine })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
