import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { mediaPath } from '../../src-main/services/anki/media-store';
import { ankiLearner, fixture, HAVE_ANKI_FIXTURES } from '../support/anki-learner';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function learner() {
  const l = await ankiLearner();
  core = l.core;
  return l;
}

describe.skipIf(!HAVE_ANKI_FIXTURES)('importing Anki’s own test packages (../shared/fixtures/anki)', () => {
  it('imports media.apkg with its sound stored content-addressed', async () => {
    const l = await learner();
    const { inspection, result } = await l.importPackage(fixture('media.apkg'));
    expect(inspection).toMatchObject({ format: 'anki2', notes: 1, cards: 1, media: 1 });
    expect(result).toMatchObject({ status: 'done', committed: true, imported: 1, media: 1, missingMedia: [] });
    const [note] = l.notes();
    const audio = JSON.parse(note!.audio) as string[];
    expect(audio).toHaveLength(1);
    expect(audio[0]).toMatch(/^[0-9a-f]{64}\.wav$/);
    expect(existsSync(mediaPath(l.dataDir, audio[0]!))).toBe(true);
    expect(note).toMatchObject({ source: 'anki', guid: 'L;*}1M{l6|' });
    // The deck the card was in (Anki's "Default") exists and holds the note.
    const deckName = l.sqlite.prepare('SELECT name FROM decks WHERE id = ?').pluck().get(note!.deckId);
    expect(deckName).toBe('Default');
  });

  it('updates the note matched by guid when update2.apkg follows update1.apkg, without duplicating it', async () => {
    const l = await learner();
    const first = await l.importPackage(fixture('update1.apkg'));
    expect(first.result).toMatchObject({ status: 'done', imported: 1, updated: 0 });
    expect(l.notes().map((n) => [n.term, n.translation])).toEqual([['hello', 'world']]);
    const second = await l.importPackage(fixture('update2.apkg'));
    expect(second.result).toMatchObject({ status: 'done', imported: 0, updated: 1 });
    const notes = l.notes();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.term).not.toBe('hello');
    expect(l.count('SELECT count(*) FROM decks WHERE profile_id = ? AND deleted_at IS NULL')).toBe(1);
  });

  it('imports every other fixture', async () => {
    const l = await learner();
    for (const name of ['diffmodels2-1.apkg', 'diffmodels2-2.apkg', 'diffmodeltemplates-1.apkg', 'diffmodeltemplates-2.apkg']) {
      const { result } = await l.importPackage(fixture(name));
      expect(result.status, `${name}: ${result.error}`).toBe('done');
      expect(result.imported + result.updated, name).toBeGreaterThan(0);
    }
    expect(path.basename(fixture('x'))).toBe('x');
  });
});
