import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/contract';
import { dbFingerprint } from '../support/db-fingerprint';
import { importingLearner, writeGeneratedCsv, type FileEncoding } from '../support/csv-fixtures';
import { makeCore, removeDir, tempDir } from '../support/test-core';

let learner: Awaited<ReturnType<typeof importingLearner>>;
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDir();
  learner = await importingLearner(await makeCore({ dataDir, logLevel: 'warn' }));
});
afterAll(async () => learner.core.close());

type Start = Input<'import:csvStart'>;

/** Checks a file (nothing may change), then commits it; answers both reports and the terms that landed. */
async function checkThenCommit(fileId: string, extra: Partial<Start> = {}) {
  const deck = learner.services.deckRows.create(learner.profileId, { name: `Deck ${fileId.slice(0, 6)}`, parentId: null, nativeLanguage: 'en', targetLanguage: 'es' });
  const start: Start = { fileId, target: { kind: 'deck', deckId: deck.id }, mapping: { term: 0, translation: 1 }, duplicates: 'skip', commit: false, ...extra };
  const before = dbFingerprint(dataDir);
  const check = await learner.waitForImport((await learner.c.call('import:csvStart', start)).jobId);
  expect(dbFingerprint(dataDir)).toBe(before);
  const done = await learner.waitForImport((await learner.c.call('import:csvStart', { ...start, commit: true })).jobId);
  return { check, done, terms: learner.notesInDeck(deck.id).map((n) => `${n.term}=${n.translation}`) };
}

describe('malformed CSV files', () => {
  it('reports an unclosed quote with its line and keeps the rows before it', async () => {
    const fileId = learner.csvFile('unclosed.csv', 'term,translation\ncasa,house\n"perro,dog\ngato,cat\nrojo,red\n');
    const { check, done, terms } = await checkThenCommit(fileId);
    expect(check).toMatchObject({ status: 'done', committed: false, imported: 1, rejectedCount: 1 });
    expect(check.rejected).toEqual([{ line: 3, reason: 'A quoted value that starts on this line is never closed.' }]);
    expect(done).toMatchObject({ committed: true, imported: 1 });
    expect(terms).toEqual(['casa=house']);
  });

  it('reports a stray quote and counts the lines it swallowed, so later line numbers stay right', async () => {
    const fileId = learner.csvFile('stray.csv', 'term,translation\n"casa"x,house\nperro,dog\n"gato",cat\nrojo,\nazul,blue\n');
    const { check, terms } = await checkThenCommit(fileId);
    expect(check.rejected).toEqual([
      { line: 2, reason: expect.stringContaining('stray quote') },
      { line: 5, reason: 'The translation is empty.' },
    ]);
    expect(terms).toEqual(['azul=blue']);
  });

  it('gives up on the rest of a big file once an unclosed quote has swallowed a million characters', async () => {
    const body = Array.from({ length: 60_000 }, (_, i) => `palabra${i},word ${i}`).join('\n');
    const fileId = learner.csvFile('runaway.csv', `casa,house\n"perro,dog\n${body}\n`);
    const { check, terms } = await checkThenCommit(fileId, { hasHeader: false });
    expect(check).toMatchObject({ imported: 1, rejectedCount: 1 });
    expect(check.rejected[0]).toEqual({ line: 2, reason: expect.stringMatching(/never closed, so the rest of the file cannot be read/) });
    expect(terms).toEqual(['casa=house']);
  });

  it('rejects ragged rows: too few fields for the mapping, or more than the header', async () => {
    const fileId = learner.csvFile('ragged.csv', 'term,translation,tags\ncasa,house,home\nperro\ngato,cat,pets,extra,values\nrojo,red\nazul,blue,,\n');
    const { check, terms } = await checkThenCommit(fileId, { mapping: { term: 0, translation: 1, tags: 2 } });
    expect(check.rejected).toEqual([
      { line: 3, reason: 'The row has only 1 field, so the translation (column 2) is missing.' },
      { line: 4, reason: expect.stringMatching(/5 fields but the file has 3 columns/) },
    ]);
    expect(terms).toEqual(['casa=house', 'rojo=red', 'azul=blue']);
  });

  it('refuses binary junk, an empty file and a header without rows before starting, changing nothing', async () => {
    const before = dbFingerprint(dataDir);
    const start = (fileId: string) => learner.c.call('import:csvStart', { fileId, target: { kind: 'deck', deckId: learner.deckId }, mapping: { term: 0, translation: 1 }, duplicates: 'skip', commit: true });
    await expect(start(learner.csvFile('junk.bin', randomBytes(200_000)))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/binary data/) });
    await expect(start(learner.csvFile('empty.csv', ''))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'The file is empty.' });
    await expect(start(learner.csvFile('header.csv', 'term,translation\n'))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'The file has a header row but no words under it.' });
    expect(dbFingerprint(dataDir)).toBe(before);
  });

  it('rejects rows that hold binary junk in an otherwise good file', async () => {
    const good = Array.from({ length: 300 }, (_, i) => `palabra${i},word ${i}\n`).join('');
    const junk = Buffer.concat([Buffer.from(`term,translation\n${good}`), Buffer.from([0x70, 0x01, 0x02, 0x2c, 0x03, 0x0a]), Buffer.from('perro,dog\n')]);
    const { check, terms } = await checkThenCommit(learner.csvFile('some-junk.csv', junk));
    expect(check.rejected).toEqual([{ line: 302, reason: 'The row contains control characters, as binary data would.' }]);
    expect(terms).toHaveLength(301);
    expect(terms.at(-1)).toBe('perro=dog');
  });

  it('imports accented words from UTF-16, Windows-1252 and BOM files exactly', async () => {
    const text = 'término,traducción\r\nniño,child\r\ncafé,coffee\r\nüber,about\r\nçà,here\r\n';
    for (const encoding of ['utf-16le', 'utf-16be', 'windows-1252', 'utf-8-bom'] as FileEncoding[]) {
      const { check, terms } = await checkThenCommit(learner.csvFile(`accents-${encoding}.csv`, text, encoding));
      expect(check, encoding).toMatchObject({ imported: 4, rejectedCount: 0 });
      expect(terms, encoding).toEqual(['niño=child', 'café=coffee', 'über=about', 'çà=here']);
    }
  });

  it('tells the learner when the chosen encoding does not fit the file', async () => {
    const fileId = learner.csvFile('latin.csv', 'niño,child\ncasa,house\n', 'windows-1252');
    const { check } = await checkThenCommit(fileId, { encoding: 'utf-8', hasHeader: false });
    expect(check).toMatchObject({ imported: 1, rejectedCount: 1 });
    expect(check.rejected[0]).toEqual({ line: 1, reason: expect.stringMatching(/not valid in the chosen encoding/) });
  });

  it('checks a 200 MB file in bounded memory and reports on every row', async () => {
    const bigDir = tempDir('parley-big-');
    const file = path.join(bigDir, 'huge.csv');
    const rows = await writeGeneratedCsv(file, { bytes: 200 * 1024 * 1024 });
    const fileId = learner.fileIdOf(file);
    const before = dbFingerprint(dataDir);
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    try {
      const { jobId } = await learner.c.call('import:csvStart', { fileId, target: { kind: 'deck', deckId: learner.deckId }, mapping: { term: 0, translation: 1, example: 2, tags: 7 }, duplicates: 'skip', commit: false });
      const result = await learner.waitForImport(jobId);
      expect(result).toMatchObject({ status: 'done', committed: false, rows, imported: rows, rejectedCount: 0 });
      expect(result.done).toBe(result.total);
    } finally {
      clearInterval(sampler);
      removeDir(bigDir);
    }
    // The worker thread itself (~65 MB when it runs from source through tsx), the duplicate check's 16 bytes a row
    // (~50 MB for 2M rows while its table grows) and small reads: never the file's 200 MB.
    expect(rssPeak - rssBefore).toBeLessThan(150 * 1024 * 1024);
    expect(dbFingerprint(dataDir)).toBe(before);
  }, 600_000);
});
