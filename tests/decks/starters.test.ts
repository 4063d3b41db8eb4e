import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { RESOURCES_DIR, removeDir, tempDir } from '../support/test-core';
import { learner } from './decks-support';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function setup(options?: Parameters<typeof learner>[0]) {
  const l = await learner(options);
  core = l.core;
  return l;
}

const starterFile = (id: string) =>
  JSON.parse(readFileSync(path.join(RESOURCES_DIR, 'decks', `${id.replace('starter-', '')}.json`), 'utf8'));

describe('starter decks', () => {
  it("lists the decks written for the learner's own language first, named in their interface language", async () => {
    const { c } = await setup({ native: 'es', target: 'en' });
    const { starters } = await c.call('decks:starters', {});
    expect(starters[0]).toMatchObject({
      id: 'starter-es-en',
      nativeLanguage: 'es',
      targetLanguage: 'en',
      installed: false,
    });
    expect(starters[0]!.name).toBe('Inglés — las 300+ palabras más frecuentes');
    expect(starters.map((s) => s.id).sort()).toEqual([
      'starter-en-de',
      'starter-en-es',
      'starter-en-fr',
      'starter-es-en',
    ]);
    // No Spanish name in the French deck: English it is.
    expect(starters.find((s) => s.id === 'starter-en-fr')!.name).toBe('French — 300+ most frequent words');
    expect(starters.every((s) => s.noteCount >= 300)).toBe(true);
  });

  it('adds every word in frequency order, once, however often it is added', async () => {
    const { c, sqlite, profileId } = await setup();
    const file = starterFile('starter-en-es');
    const { deck } = await c.call('decks:addStarter', { starterId: 'starter-en-es' });
    expect(deck).toMatchObject({
      name: 'Spanish — 300+ most frequent words',
      origin: 'starter-en-es',
      nativeLanguage: 'en',
      targetLanguage: 'es',
    });
    expect(deck.counts.total).toBeGreaterThanOrEqual(file.notes.length * 2);
    expect(deck.counts.new).toBe(20);

    const notes = sqlite
      .prepare(
        `SELECT n.term, n.guid, n.tags, n.source, n.examples FROM notes n JOIN cards c ON c.note_id = n.id AND c.kind = 'recognition' WHERE n.profile_id = ? ORDER BY c.position`,
      )
      .all(profileId) as { term: string; guid: string; tags: string; source: string; examples: string }[];
    expect(notes).toHaveLength(file.notes.length);
    expect(notes.map((n) => n.term)).toEqual(file.notes.map((n: { term: string }) => n.term));
    expect(notes[0]).toMatchObject({ guid: 'starter-en-es:1', tags: file.notes[0].tags.join(' '), source: 'starter' });
    expect(JSON.parse(notes[0]!.examples)).toEqual([file.notes[0].example]);

    const again = await c.call('decks:addStarter', { starterId: 'starter-en-es' });
    expect(again.deck.id).toBe(deck.id);
    expect(sqlite.prepare('SELECT count(*) FROM notes WHERE profile_id = ?').pluck().get(profileId)).toBe(
      file.notes.length,
    );
    expect((await c.call('decks:starters', {})).starters.find((s) => s.id === 'starter-en-es')?.installed).toBe(true);
    expect((await c.call('browse:search', { query: 'tambien' })).rows.map((r) => r.term)).toContain('también');
  });

  it('offers the deck again once the learner has deleted it', async () => {
    const { c } = await setup();
    const { deck } = await c.call('decks:addStarter', { starterId: 'starter-en-de' });
    await c.call('decks:delete', { deckId: deck.id, confirmation: deck.name });
    expect((await c.call('decks:starters', {})).starters.find((s) => s.id === 'starter-en-de')?.installed).toBe(false);
    const { deck: fresh } = await c.call('decks:addStarter', { starterId: 'starter-en-de' });
    expect(fresh.id).not.toBe(deck.id);
  });

  it('skips a malformed starter file with a log line and keeps offering the others', async () => {
    const resources = tempDir('parley-resources-');
    mkdirSync(path.join(resources, 'decks'));
    copyFileSync(path.join(RESOURCES_DIR, 'decks', 'en-es.json'), path.join(resources, 'decks', 'en-es.json'));
    writeFileSync(path.join(resources, 'decks', 'broken.json'), '{"id": "starter-en-it", "notes": [');
    const wrongShape = {
      ...starterFile('starter-en-fr'),
      id: 'starter-en-it',
      notes: [{ rank: 1, term: '', translation: 'x' }],
    };
    writeFileSync(path.join(resources, 'decks', 'en-it.json'), JSON.stringify(wrongShape));
    const { c, core: started } = await setup({ resourcesDir: resources });
    const { starters } = await c.call('decks:starters', {});
    expect(starters.map((s) => s.id)).toEqual(['starter-en-es']);
    await expect(c.call('decks:addStarter', { starterId: 'starter-en-it' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await started.close();
    core = undefined;
    const logs = readdirSync(path.join(started.dataDir, 'logs'))
      .map((f) => readFileSync(path.join(started.dataDir, 'logs', f), 'utf8'))
      .join('');
    expect(logs).toMatch(/"file":"broken.json".*starter deck skipped/);
    expect(logs).toMatch(/"file":"en-it.json".*starter deck skipped/);
    removeDir(resources);
  });
});
