import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, type Core } from '../../src-main/core';
import type { EventPayload, Input } from '../../src-shared/contract';
import { dbFingerprint } from '../support/db-fingerprint';
import { importingLearner, writeGeneratedCsv } from '../support/csv-fixtures';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function learner() {
  const dataDir = tempDir();
  core = await makeCore({ dataDir, logLevel: 'warn' });
  return { ...(await importingLearner(core)), dataDir };
}

type Start = Input<'import:csvStart'>;
type JobProgress = EventPayload<'jobs:progress'>;
const ALL_COLUMNS = { term: 0, translation: 1, example: 2, exampleTranslation: 3, partOfSpeech: 4, gender: 5, ipa: 6, tags: 7 };

const WORDS = [
  'term,translation,example,example_translation,part_of_speech,gender,ipa,tags',
  'casa,house,Mi casa es tu casa.,My house is your house.,noun,f,ˈka.sa,home',
  'perro,dog,,,noun,m,,animals pets',
  'comer,to eat,Vamos a comer.,Let us eat.,verb,,,',
  ',missing term,,,,,,',
  'gato,cat,,,animal,m,,',
  'rojo,red,,,adjective,,,colours',
].join('\n');

describe('importing a CSV', () => {
  it('checks without writing, then writes exactly the valid rows with their cards, changes and search text', async () => {
    const l = await learner();
    const fileId = l.csvFile('words.csv', WORDS);
    const start: Start = { fileId, target: { kind: 'deck', deckId: l.deckId }, mapping: ALL_COLUMNS, duplicates: 'skip', commit: false };
    const before = dbFingerprint(l.dataDir);
    const check = await l.waitForImport((await l.c.call('import:csvStart', start)).jobId);
    expect(check).toMatchObject({ status: 'done', committed: false, rows: 6, imported: 4, skipped: 0, rejectedCount: 2 });
    expect(check.rejected).toEqual([
      { line: 5, reason: 'The term is empty.' },
      { line: 6, reason: expect.stringContaining('Unknown part of speech “animal”') },
    ]);
    expect(dbFingerprint(l.dataDir)).toBe(before);

    const done = await l.waitForImport((await l.c.call('import:csvStart', { ...start, commit: true })).jobId);
    expect(done).toMatchObject({ status: 'done', committed: true, imported: 4, rejectedCount: 2, deckId: l.deckId });
    expect(l.notesInDeck().map((n) => n.term)).toEqual(['casa', 'perro', 'comer', 'rojo']);
    expect(l.notesInDeck()[0]).toEqual({
      term: 'casa', translation: 'house', examples: JSON.stringify([{ text: 'Mi casa es tu casa.', translation: 'My house is your house.' }]),
      partOfSpeech: 'noun', gender: 'f', ipa: 'ˈka.sa', tags: 'home',
    });
    const count = (sql: string) => l.sqlite.prepare(sql).pluck().get(l.profileId) as number;
    // Recognition and production for each, and a cloze card for the two whose example contains the term.
    expect(count(`SELECT count(*) FROM cards WHERE profile_id = ? AND deleted_at IS NULL`)).toBe(4 * 2 + 2);
    expect(count(`SELECT count(*) FROM changes WHERE profile_id = ? AND table_name = 'notes'`)).toBe(4);
    const search = l.sqlite.prepare(`SELECT count(*) FROM notes_fts WHERE notes_fts MATCH ? AND profile_id = ?`).pluck();
    expect(search.get('perro', l.profileId)).toBe(1);
  });

  it('reports progress to the session that started the import', async () => {
    const l = await learner();
    const events: JobProgress[] = [];
    l.core.events.subscribe((event) => {
      if (event.name === 'jobs:progress' && 'sessionIds' in event.target && event.target.sessionIds.includes(l.c.sessionId)) events.push(event.payload as JobProgress);
    });
    const file = path.join(l.dir, 'many.csv');
    await writeGeneratedCsv(file, { rows: 15_000 });
    const { jobId } = await l.c.call('import:csvStart', { fileId: l.fileIdOf(file), target: { kind: 'deck', deckId: l.deckId }, mapping: ALL_COLUMNS, duplicates: 'skip', commit: true });
    const result = await l.waitForImport(jobId);
    expect(result).toMatchObject({ status: 'done', imported: 15_000, rejectedCount: 0 });
    expect(events.every((e) => e.jobId === jobId)).toBe(true);
    expect(events.some((e) => e.phase === 'reading' && e.done > 0 && e.done < e.total)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'done' });
    expect(result.total).toBeGreaterThan(1_000_000);
    expect(result.done).toBe(result.total);
  });

  it('handles duplicates of words already in the deck, ignoring case: skip, update or keep both', async () => {
    const l = await learner();
    l.services.notes.create(l.profileId, l.deckId, { term: 'Casa', translation: 'House', examples: [], partOfSpeech: null, gender: null, ipa: null, tags: ['old'] }, 'manual');
    const file = 'term,translation,tags\ncasa,house,new\nperro,dog,pets\nPERRO,Dog,again\n';
    const run = async (duplicates: Start['duplicates']) => {
      const fileId = l.csvFile(`dupes-${duplicates}.csv`, file);
      const start: Start = { fileId, target: { kind: 'deck', deckId: l.deckId }, mapping: { term: 0, translation: 1, tags: 2 }, duplicates, commit: true };
      return l.waitForImport((await l.c.call('import:csvStart', start)).jobId);
    };

    expect(await run('skip')).toMatchObject({ imported: 1, skipped: 2, updated: 0 });
    expect(l.notesInDeck().map((n) => [n.term, n.tags])).toEqual([['Casa', 'old'], ['perro', 'pets']]);

    expect(await run('update')).toMatchObject({ imported: 0, updated: 3, skipped: 0 });
    expect(l.notesInDeck().map((n) => [n.term, n.tags])).toEqual([['Casa', 'new'], ['perro', 'again']]);

    expect(await run('keepBoth')).toMatchObject({ imported: 3, updated: 0, skipped: 0 });
    expect(l.notesInDeck()).toHaveLength(5);
  });

  // 24k rows: palabra3 is written with the first batch (20k rows), palabra23999 still waits in the second.
  it('lets a later row of the same file update a word imported earlier in it', async () => {
    const l = await learner();
    const rows = Array.from({ length: 24_000 }, (_, i) => `palabra${i},word ${i},first`);
    rows.push('palabra3,word 3,second', 'palabra23999,WORD 23999,second');
    const fileId = l.csvFile('late-dupes.csv', `${rows.join('\n')}\n`);
    const result = await l.waitForImport(
      (await l.c.call('import:csvStart', { fileId, target: { kind: 'deck', deckId: l.deckId }, mapping: { term: 0, translation: 1, tags: 2 }, duplicates: 'update', hasHeader: false, commit: true })).jobId,
    );
    expect(result).toMatchObject({ imported: 24_000, updated: 2 });
    const tagsOf = (term: string) => l.notesInDeck().find((n) => n.term === term)?.tags;
    expect([tagsOf('palabra3'), tagsOf('palabra23999'), tagsOf('palabra4')]).toEqual(['second', 'second', 'first']);
  });

  it('creates a new deck with the profile’s languages inside the same transaction', async () => {
    const l = await learner();
    const decks = () => l.sqlite.prepare('SELECT name, native_language AS native, target_language AS target FROM decks WHERE profile_id = ? ORDER BY rowid').all(l.profileId);
    const fileId = l.csvFile('new-deck.csv', 'casa,house\nperro,dog\n');
    const start: Start = { fileId, target: { kind: 'newDeck', name: 'From my teacher' }, mapping: { term: 0, translation: 1 }, duplicates: 'skip', commit: false };
    const check = await l.waitForImport((await l.c.call('import:csvStart', start)).jobId);
    expect(check).toMatchObject({ imported: 2, deckId: null });
    expect(decks()).toHaveLength(1);

    const done = await l.waitForImport((await l.c.call('import:csvStart', { ...start, commit: true })).jobId);
    expect(decks()).toEqual([{ name: 'Spanish', native: 'en', target: 'es' }, { name: 'From my teacher', native: 'en', target: 'es' }]);
    expect(l.notesInDeck(done.deckId!).map((n) => n.term)).toEqual(['casa', 'perro']);
  });

  it('refuses mappings the file cannot fill and decks that are not the learner’s', async () => {
    const l = await learner();
    const fileId = l.csvFile('two.csv', 'casa,house\n');
    const start: Start = { fileId, target: { kind: 'deck', deckId: l.deckId }, mapping: { term: 0, translation: 2 }, duplicates: 'skip', commit: true };
    await expect(l.c.call('import:csvStart', start)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/2 columns; column 3/) });
    await expect(l.c.call('import:csvStart', { ...start, mapping: { term: 0, translation: 0 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    const other = caller(l.core);
    const { profile } = await other.call('profiles:create', { ...sampleProfile, displayName: 'Other' });
    const theirDeck = l.services.deckRows.create(profile.id, { name: 'Theirs', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' });
    await expect(l.c.call('import:csvStart', { ...start, mapping: { term: 0, translation: 1 }, target: { kind: 'deck', deckId: theirDeck.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps jobs private to their profile, and refuses to cancel a finished import', async () => {
    const l = await learner();
    const fileId = l.csvFile('small.csv', 'casa,house\n');
    const { jobId } = await l.c.call('import:csvStart', { fileId, target: { kind: 'deck', deckId: l.deckId }, mapping: { term: 0, translation: 1 }, duplicates: 'skip', commit: true });
    await l.waitForImport(jobId);
    expect(await l.c.call('import:cancel', { jobId })).toEqual({ cancelled: false });
    const other = caller(l.core);
    await other.call('profiles:create', { ...sampleProfile, displayName: 'Other' });
    await expect(other.call('import:result', { jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.call('import:cancel', { jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves decks and notes exactly as they were when cancelled mid-import', async () => {
    const l = await learner();
    l.services.notes.create(l.profileId, l.deckId, { term: 'ya', translation: 'already', examples: [], partOfSpeech: null, gender: null, ipa: null, tags: [] }, 'manual');
    const file = path.join(l.dir, 'big.csv');
    await writeGeneratedCsv(file, { rows: 60_000 });
    const before = dbFingerprint(l.dataDir);
    for (const target of [{ kind: 'deck', deckId: l.deckId }, { kind: 'newDeck', name: 'Never' }] as const) {
      const progressed = readingPast(l.core, 1_000_000);
      const { jobId } = await l.c.call('import:csvStart', { fileId: l.fileIdOf(file), target, mapping: ALL_COLUMNS, duplicates: 'skip', commit: true });
      await progressed;
      expect(await l.c.call('import:cancel', { jobId })).toEqual({ cancelled: true });
      expect(await l.waitForImport(jobId)).toMatchObject({ status: 'cancelled', committed: false });
      expect(dbFingerprint(l.dataDir)).toBe(before);
    }
  });
});

describe('a core shutting down during an import', () => {
  it('rolls the import back', async () => {
    const dataDir = tempDir();
    const first = await makeCore({ dataDir, logLevel: 'warn' });
    const l = await importingLearner(first);
    const file = path.join(l.dir, 'big.csv');
    await writeGeneratedCsv(file, { rows: 60_000 });
    const before = dbFingerprint(dataDir);
    const progressed = readingPast(first, 1_000_000);
    await l.c.call('import:csvStart', { fileId: l.fileIdOf(file), target: { kind: 'newDeck', name: 'Half' }, mapping: ALL_COLUMNS, duplicates: 'skip', commit: true });
    await progressed;
    await first.close();
    waitForWriteLock(dataDir);
    expect(dbFingerprint(dataDir)).toBe(before);
  });
});

/** Resolves once an import has read past `bytes` of its file (and so has written rows). */
function readingPast(target: Core, bytes: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = target.events.subscribe((event) => {
      const payload = event.payload as JobProgress;
      if (event.name === 'jobs:progress' && payload.phase === 'reading' && payload.done > bytes) {
        stop();
        resolve();
      }
    });
  });
}

/** Blocks until no one holds the database's write lock: the worker has committed or rolled back and let go. */
function waitForWriteLock(dataDir: string): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    db.pragma('busy_timeout = 30000');
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
  } finally {
    db.close();
  }
}
