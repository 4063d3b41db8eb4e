import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { cardIdFor } from '../../db/functions';
import { caller, makeCore, sampleProfile } from '../support/test-core';

let core: Core;
afterEach(async () => core?.close());

async function learnerWithDeck() {
  core = await makeCore();
  const c = caller(core);
  const { profile } = await c.call('profiles:create', { ...sampleProfile });
  const { services, sqlite } = core.internals();
  const deck = services.deckRows.create(profile.id, { name: 'Spanish', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' });
  return { profileId: profile.id, deckId: deck.id, services, sqlite };
}

const word = (term: string, translation: string, example?: string) => ({
  term,
  translation,
  examples: example ? [{ text: example, translation: '' }] : [],
  partOfSpeech: null,
  gender: null,
  ipa: null,
  tags: ['food'],
});

describe('notes and their cards', () => {
  it('makes recognition and production cards, and a cloze card when an example contains the term', async () => {
    const { profileId, deckId, services } = await learnerWithDeck();
    const plain = services.notes.create(profileId, deckId, word('perro', 'dog'), 'manual');
    const withExample = services.notes.create(profileId, deckId, word('casa', 'house', 'Mi Casa es tu casa.'), 'manual');
    expect(services.notes.get(profileId, plain.id).cards.map((c) => c.kind)).toEqual(['recognition', 'production']);
    const kinds = services.notes.get(profileId, withExample.id).cards.map((c) => c.kind);
    expect(kinds).toEqual(['recognition', 'production', 'cloze']);
    // Adding an example later adds the cloze card.
    services.notes.update(profileId, plain.id, { examples: [{ text: 'El perro duerme.', translation: 'The dog sleeps.' }] });
    expect(services.notes.get(profileId, plain.id).cards).toHaveLength(3);
  });

  it('derives the same card ids on every device from the note id', async () => {
    const { profileId, deckId, services } = await learnerWithDeck();
    const note = services.notes.create(profileId, deckId, word('gato', 'cat'), 'manual');
    const ids = services.notes.get(profileId, note.id).cards.map((c) => c.id);
    expect(ids).toEqual([cardIdFor(note.id, 'recognition'), cardIdFor(note.id, 'production')]);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('inserts many notes in one go, with one change record each and searchable text', async () => {
    const { profileId, deckId, services, sqlite } = await learnerWithDeck();
    const made = services.notes.insertMany(profileId, deckId, [word('árbol', 'tree', 'El árbol es alto.'), word('niño', 'child')], 'import');
    expect(made).toBe(5);
    const changes = sqlite.prepare(`SELECT count(*) FROM changes WHERE table_name = 'notes'`).pluck().get();
    expect(changes).toBe(2);
    const hits = sqlite.prepare(`SELECT note_id FROM notes_fts WHERE notes_fts MATCH ? AND profile_id = ?`).pluck().all('arbol', profileId);
    expect(hits).toHaveLength(1);
  });
});
