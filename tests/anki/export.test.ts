import path from 'node:path';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { ANKI_COLUMNS } from '../../src-main/services/anki/apkg-schema';
import { openPackage } from '../../src-main/services/anki/package-open';
import { ankiLearner, fixture, HAVE_ANKI_FIXTURES } from '../support/anki-learner';
import { samplePackage, writeAnkiPackage } from '../support/anki-package';
import { tempDir } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const columnsOf = (db: Database.Database, table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

async function exportedFile(l: Awaited<ReturnType<typeof ankiLearner>>, scope: { kind: 'all' } | { kind: 'deck'; deckId: string }) {
  const { jobId } = await l.c.call('anki:exportStart', { scope });
  const result = await l.waitFor('anki:exportResult', jobId);
  expect(result.status, result.error ?? '').toBe('done');
  return { result, file: l.services.imports.files.resolve(l.profileId, result.file!.fileId).path };
}

describe('exporting to .apkg', () => {
  it('writes Anki’s schema-11 collection with notes, cards, review history and media, and imports back the same', async () => {
    const l = await ankiLearner();
    core = l.core;
    const source = await writeAnkiPackage(path.join(tempDir(), 'sample.apkg'), samplePackage('anki21b'));
    const first = await l.importPackage(source);
    expect(first.result.status).toBe('done');
    const [spanish] = first.result.deckIds;

    const { result, file } = await exportedFile(l, { kind: 'deck', deckId: spanish! });
    expect(result).toMatchObject({ notes: 4, reviews: 6, media: 2, file: { fileName: 'Spanish.apkg' } });

    // Anki's own layout: the tables and columns of schema 11, and the members of a legacy package.
    const pkg = await openPackage(file);
    try {
      expect(pkg.format).toBe('anki2');
      for (const [table, columns] of Object.entries(ANKI_COLUMNS)) expect(columnsOf(pkg.sqlite, table), table).toEqual(columns);
      expect(pkg.sqlite.prepare('SELECT ver FROM col').pluck().get()).toBe(11);
      const models = JSON.parse(pkg.sqlite.prepare('SELECT models FROM col').pluck().get() as string) as Record<string, { flds: unknown[]; tmpls: unknown[] }>;
      const [model] = Object.values(models);
      const fieldCount = model!.flds.length;
      for (const flds of pkg.sqlite.prepare('SELECT flds FROM notes').pluck().all() as string[]) expect(flds.split('\u001f')).toHaveLength(fieldCount);
      const decks = Object.values(JSON.parse(pkg.sqlite.prepare('SELECT decks FROM col').pluck().get() as string) as Record<string, { name: string }>).map((d) => d.name);
      expect(decks).toEqual(expect.arrayContaining(['Spanish', 'Spanish::Animals', 'Spanish::Verbs']));
      expect(pkg.media.map((m) => m.name)).toHaveLength(2);
      // Every card points at a note and a deck that exist.
      expect(pkg.sqlite.prepare('SELECT count(*) FROM cards WHERE nid NOT IN (SELECT id FROM notes)').pluck().get()).toBe(0);
      expect(pkg.sqlite.prepare('SELECT count(*) FROM revlog WHERE cid NOT IN (SELECT id FROM cards)').pluck().get()).toBe(0);
    } finally {
      pkg.close();
    }

    // Into a second profile: the same notes, cards and review counts.
    const second = await ankiLearner(l.core);
    const again = await second.importPackage(file);
    expect(again.result).toMatchObject({ status: 'done', imported: 4, reviews: 6, media: 2, missingMedia: [] });
    const summary = (who: typeof l) => ({
      notes: who.count('SELECT count(*) FROM notes WHERE profile_id = ? AND deleted_at IS NULL'),
      cards: who.count('SELECT count(*) FROM cards WHERE profile_id = ? AND deleted_at IS NULL'),
      suspended: who.count('SELECT count(*) FROM cards WHERE profile_id = ? AND suspended = 1'),
      reviews: who.count('SELECT count(*) FROM review_logs WHERE profile_id = ?'),
      terms: who.notes().map((n) => [n.term, n.translation, n.tags, JSON.parse(n.audio).length, JSON.parse(n.images).length]).sort(),
      reps: who.sqlite.prepare(`SELECT n.term, c.kind, c.reps, c.lapses FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.profile_id = ? ORDER BY n.term, c.kind`).all(who.profileId),
    });
    expect(summary(second)).toEqual(summary(l));
    // Exported guids are kept, so importing the export into the first profile updates instead of duplicating.
    const back = await l.importPackage(file);
    expect(back.result).toMatchObject({ imported: 0, updated: 4, reviews: 0 });
  });

  it('exports everything, and an empty profile as a valid empty package', async () => {
    const l = await ankiLearner();
    core = l.core;
    const empty = await exportedFile(l, { kind: 'all' });
    expect(empty.result).toMatchObject({ notes: 0, cards: 0, file: { fileName: 'Parley.apkg' } });
    const names = await new Promise<string[]>((resolve, reject) =>
      yauzl.open(empty.file, { lazyEntries: false }, (error, zip) => {
        if (error || !zip) return reject(error);
        const found: string[] = [];
        zip.on('entry', (e: yauzl.Entry) => found.push(e.fileName));
        zip.on('end', () => resolve(found));
      }),
    );
    expect(names.sort()).toEqual(['collection.anki2', 'media']);
  });

  it.skipIf(!HAVE_ANKI_FIXTURES)('matches the schema of a collection Anki itself wrote (media.apkg)', async () => {
    const [ours, anki] = [await openPackage(await writeAnkiPackage(path.join(tempDir(), 'x.apkg'), samplePackage('anki2'))), await openPackage(fixture('media.apkg'))];
    try {
      for (const table of Object.keys(ANKI_COLUMNS)) expect(columnsOf(ours.sqlite, table), table).toEqual(columnsOf(anki.sqlite, table));
    } finally {
      ours.close();
      anki.close();
    }
  });
});
