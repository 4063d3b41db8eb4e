import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { browsingLearner, cardsOf } from './browse-support';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function setup() {
  const l = await browsingLearner();
  core = l.core;
  const snapshot = () =>
    JSON.stringify([
      l.sqlite.prepare('SELECT id, deck_id, suspended, deleted_at FROM cards ORDER BY id').all(),
      l.sqlite.prepare('SELECT id, deck_id, tags, deleted_at FROM notes ORDER BY id').all(),
    ]);
  const changeCount = () => l.sqlite.prepare('SELECT count(*) FROM changes').pluck().get() as number;
  return { ...l, cards: (term: string) => cardsOf(l, term), snapshot, changeCount };
}

describe('bulk edits in the browser', () => {
  it('suspends and unsuspends cards, recording each change for sync, and undoes exactly', async () => {
    const { c, cards, snapshot, changeCount } = await setup();
    const before = snapshot();
    const selected = [...cards('perro'), cards('pera')[0]!];
    const changes = changeCount();
    const { affected, undoId } = await c.call('browse:bulk', { cardIds: selected, action: { kind: 'suspend' } });
    expect(affected).toBe(3);
    expect(changeCount()).toBe(changes + 3);
    expect((await c.call('browse:search', { state: 'suspended' })).rows.map((r) => r.cardId).sort()).toEqual(
      [...selected].sort(),
    );
    expect((await c.call('decks:list', {})).decks.find((d) => d.name === 'Spanish')!.counts.suspended).toBe(3);
    expect(await c.call('browse:undo', { undoId })).toEqual({ restored: 3 });
    expect(snapshot()).toBe(before);
  });

  it('adds and removes a tag on the notes of the selected cards, and undo puts back the old tags', async () => {
    const { c, cards, sqlite, snapshot } = await setup();
    const before = snapshot();
    const added = await c.call('browse:bulk', {
      cardIds: [cards('perro')[0]!, cards('pan')[1]!],
      action: { kind: 'addTag', tag: 'Review Me' },
    });
    const tagsOf = (term: string) => sqlite.prepare('SELECT tags FROM notes WHERE term = ?').pluck().get(term);
    expect([tagsOf('perro'), tagsOf('pan')]).toEqual(['animals a1 review_me', 'food phrasal_verb review_me']);
    expect((await c.call('browse:search', { tag: 'review_me' })).total).toBe(2 + 3);
    const removed = await c.call('browse:bulk', { cardIds: cards('perro'), action: { kind: 'removeTag', tag: 'a1' } });
    expect(tagsOf('perro')).toBe('animals review_me');
    await expect(c.call('browse:undo', { undoId: added.undoId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await c.call('browse:undo', { undoId: removed.undoId });
    await c.call('browse:undo', { undoId: added.undoId });
    expect(snapshot()).toBe(before);
    expect((await c.call('browse:search', { tag: 'review_me' })).total).toBe(0);
  });

  it('moves cards to another deck, taking the note along when all its cards go', async () => {
    const { c, cards, french, food, sqlite, profileId, services, snapshot } = await setup();
    const before = snapshot();
    const [panRec, panProd] = cards('pan');
    const move = () =>
      c.call('browse:bulk', { cardIds: [...cards('perro'), panRec!], action: { kind: 'move', deckId: french } });
    const cardDeck = (id: string) => sqlite.prepare('SELECT deck_id FROM cards WHERE id = ?').pluck().get(id);
    const noteOf = (term: string) =>
      sqlite.prepare('SELECT id, deck_id AS deckId FROM notes WHERE term = ?').get(term) as {
        id: string;
        deckId: string;
      };
    const { undoId } = await move();
    expect([cardDeck(panRec!), cardDeck(panProd!)]).toEqual([french, food]);
    expect([noteOf('perro').deckId, noteOf('pan').deckId]).toEqual([french, food]);
    expect(cards('perro').map(cardDeck)).toEqual([french, french]);
    await c.call('browse:undo', { undoId });
    expect(snapshot()).toBe(before);

    // A card born later from a moved note joins its siblings.
    await move();
    services.notes.update(profileId, noteOf('perro').id, {
      examples: [{ text: 'El perro duerme.', translation: 'The dog sleeps.' }],
    });
    expect(cards('perro').map(cardDeck)).toEqual([french, french, french]);
  });

  it('deletes a whole note only when all its cards are selected, and undo brings everything back', async () => {
    const { c, cards, sqlite, snapshot } = await setup();
    const before = snapshot();
    const selected = [...cards('perro'), cards('pan')[0]!];
    const { undoId } = await c.call('browse:bulk', { cardIds: selected, action: { kind: 'delete' } });
    const noteDeleted = (term: string) =>
      sqlite.prepare('SELECT deleted_at IS NOT NULL FROM notes WHERE term = ?').pluck().get(term);
    expect([noteDeleted('perro'), noteDeleted('pan')]).toEqual([1, 0]);
    expect(cards('perro')).toEqual([]);
    expect(cards('pan')).toHaveLength(2);
    expect((await c.call('browse:search', { query: 'perro' })).total).toBe(0);
    expect((await c.call('browse:search', { query: 'pan' })).total).toBe(2);
    const tombstones = sqlite
      .prepare(`SELECT table_name, count(*) AS n FROM changes WHERE op = 'delete' GROUP BY table_name ORDER BY 1`)
      .all();
    expect(tombstones).toEqual([
      { table_name: 'cards', n: 3 },
      { table_name: 'notes', n: 1 },
    ]);
    expect(await c.call('browse:undo', { undoId })).toEqual({ restored: 3 });
    expect(snapshot()).toBe(before);
    expect((await c.call('browse:search', { query: 'perro' })).total).toBe(2);
  });

  it('changes nothing when one write of the batch fails', async () => {
    const { c, cards, sqlite, snapshot, changeCount } = await setup();
    const before = snapshot();
    const changes = changeCount();
    const panNote = sqlite.prepare('SELECT id FROM notes WHERE term = ?').pluck().get('pan');
    sqlite.exec(
      `CREATE TEMP TRIGGER fail_pan BEFORE UPDATE OF tags ON notes WHEN NEW.id = '${panNote}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const result = await c.raw('browse:bulk', {
      cardIds: [...cards('perro'), ...cards('pera'), ...cards('pan')],
      action: { kind: 'addTag', tag: 'x' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    sqlite.exec('DROP TRIGGER temp.fail_pan');
    expect(snapshot()).toBe(before);
    expect(changeCount()).toBe(changes);
  });

  it('keeps the last 20 changes to undo, in order, each once', async () => {
    const { c, cards } = await setup();
    const [card] = cards('perro');
    const undoIds: string[] = [];
    for (let i = 0; i < 21; i += 1)
      undoIds.push(
        (await c.call('browse:bulk', { cardIds: [card!], action: { kind: i % 2 ? 'unsuspend' : 'suspend' } })).undoId,
      );
    for (const undoId of undoIds.slice(1).reverse()) await c.call('browse:undo', { undoId });
    await expect(c.call('browse:undo', { undoId: undoIds[0]! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(c.call('browse:undo', { undoId: undoIds[5]! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // 21 changes, the last 20 undone: the card is as the first change left it.
    expect((await c.call('browse:search', { query: 'perro', state: 'suspended' })).rows.map((r) => r.cardId)).toEqual([
      card,
    ]);
  });

  it("refuses cards and decks that are not the learner's own", async () => {
    const { c, cards } = await setup();
    const other = await browsingLearner();
    try {
      const theirs = cardsOf(other, 'perro');
      await expect(c.call('browse:bulk', { cardIds: theirs, action: { kind: 'suspend' } })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        c.call('browse:bulk', { cardIds: cards('perro'), action: { kind: 'move', deckId: other.french } }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const mixed = await c.call('browse:bulk', {
        cardIds: [...cards('perro'), ...theirs],
        action: { kind: 'suspend' },
      });
      expect(mixed.affected).toBe(2);
      expect((await other.c.call('browse:search', { state: 'suspended' })).total).toBe(0);
    } finally {
      await other.core.close();
    }
  });
});
