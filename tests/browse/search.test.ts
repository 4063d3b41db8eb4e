import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { buildSearch, DETAILS_SQL, registerFold } from '../../src-main/services/browse/search';
import { browseSearch } from '../../src-shared/contract/browse';
import { browsingLearner, cardsOf, DAY, NOON } from './browse-support';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function setup() {
  const l = await browsingLearner();
  core = l.core;
  return l;
}

const terms = (rows: { term: string }[]) => [...new Set(rows.map((r) => r.term))].sort();

describe('browser search', () => {
  it('finds words without their accents, by the start of each word, in any field', async () => {
    const { c } = await setup();
    expect(terms((await c.call('browse:search', { query: 'arbol' })).rows)).toEqual(['árbol']);
    expect(terms((await c.call('browse:search', { query: 'ÁRB' })).rows)).toEqual(['arbre', 'árbol']);
    expect(terms((await c.call('browse:search', { query: 'pe' })).rows)).toEqual(['pera', 'perro']);
    expect(terms((await c.call('browse:search', { query: 'perr' })).rows)).toEqual(['perro']);
    expect(terms((await c.call('browse:search', { query: 'bread every' })).rows)).toEqual(['pan']); // the example's translation
    expect(terms((await c.call('browse:search', { query: 'animals' })).rows)).toEqual(['perro']); // a tag
    expect(terms((await c.call('browse:search', { query: 'tree dog' })).rows)).toEqual([]); // every word must match
  });

  it('returns one row per card, with the deck name as the deck list shows it', async () => {
    const { c } = await setup();
    const { total, rows } = await c.call('browse:search', { query: 'pan' });
    expect(total).toBe(3); // recognition, production, and cloze from "Compro pan cada día."
    expect(rows.map((r) => r.kind).sort()).toEqual(['cloze', 'production', 'recognition']);
    expect(rows[0]).toMatchObject({
      term: 'pan',
      translation: 'bread',
      deckName: 'Spanish::Food',
      tags: ['food', 'phrasal_verb'],
      state: 0,
      suspended: false,
    });
  });

  it('treats FTS syntax in what the learner types as plain text, never as an error', async () => {
    const { c } = await setup();
    for (const query of [
      '"',
      '*',
      '(',
      ')',
      'NEAR',
      'NEAR(',
      '-',
      '-perro',
      'perro"',
      '"perro',
      'per*',
      'a OR b',
      'NOT perro',
      'AND',
      'term:perro',
      '^perro',
      '{term}: x',
      "'",
      ':',
      '\\',
      '%',
      '_',
    ]) {
      const result = await c.raw('browse:search', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(terms((await c.call('browse:search', { query: '"perro' })).rows)).toEqual(['perro']);
    expect(terms((await c.call('browse:search', { query: 'perro -' })).rows)).toEqual(['perro']);
    expect(terms((await c.call('browse:search', { query: 'NEAR' })).rows)).toEqual([]);
  });

  it('answers any text at all without an error', async () => {
    const { c } = await setup();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80, unit: 'grapheme' }), async (query) => {
        const result = await c.raw('browse:search', { query, tag: query.trim() ? query.slice(0, 60) : null });
        expect(result.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('filters by deck with its subdecks, by state, by exact tag, by due date and by lapses', async () => {
    const { c, spanish, food, sqlite, profileId } = await setup();
    expect(terms((await c.call('browse:search', { deckId: spanish })).rows)).toEqual(['pan', 'pera', 'perro', 'árbol']);
    expect(terms((await c.call('browse:search', { deckId: food })).rows)).toEqual(['pan']);
    expect(terms((await c.call('browse:search', { tag: 'food' })).rows)).toEqual(['pain', 'pan', 'pera']);
    // "verb" is a tag of arbre; pan's phrasal_verb is another tag, even though it holds the word.
    expect(terms((await c.call('browse:search', { tag: 'verb' })).rows)).toEqual(['arbre']);
    expect(terms((await c.call('browse:search', { tag: 'Phrasal Verb' })).rows)).toEqual(['pan']);

    const [perroRec, perroProd] = cardsOf({ sqlite, profileId }, 'perro');
    const [peraRec] = cardsOf({ sqlite, profileId }, 'pera');
    const [arbolRec] = cardsOf({ sqlite, profileId }, 'árbol');
    const set = sqlite.prepare('UPDATE cards SET state = ?, due = ?, lapses = ?, suspended = ? WHERE id = ?');
    set.run(2, NOON - 2 * DAY, 4, 0, perroRec); // overdue
    set.run(2, NOON + 6 * 3_600_000, 1, 0, perroProd); // due later today
    set.run(1, NOON + 60_000, 0, 0, peraRec); // learning, due in a minute
    set.run(2, NOON + 3 * DAY, 2, 1, arbolRec); // suspended review card
    const ids = async (input: Parameters<typeof c.call<'browse:search'>>[1]) =>
      (await c.call('browse:search', input)).rows.map((r) => r.cardId).sort();
    expect(await ids({ state: 'review' })).toEqual([perroRec, perroProd, arbolRec].sort());
    expect(await ids({ state: 'learning' })).toEqual([peraRec]);
    expect(await ids({ state: 'suspended' })).toEqual([arbolRec]);
    expect((await c.call('browse:search', { state: 'new' })).total).toBe(13 - 4);
    expect(await ids({ due: 'today' })).toEqual([perroRec, perroProd, peraRec].sort());
    expect(await ids({ due: 'overdue' })).toEqual([perroRec]);
    expect(await ids({ minLapses: 2 })).toEqual([perroRec, arbolRec].sort());
    expect(await ids({ query: 'per', due: 'today', deckId: spanish })).toEqual([perroRec, perroProd, peraRec].sort());
  });

  it('sorts by term, due date, lapses and creation, both ways, and pages with the total', async () => {
    const { c, sqlite, profileId } = await setup();
    const byTerm = (await c.call('browse:search', { sort: 'term', limit: 500 })).rows.map((r) => r.term);
    expect([...new Set(byTerm)]).toEqual(['árbol', 'arbre', 'pain', 'pan', 'pera', 'perro']);
    const desc = (await c.call('browse:search', { sort: 'term', descending: true, limit: 500 })).rows.map(
      (r) => r.term,
    );
    expect([...new Set(desc)]).toEqual(['perro', 'pera', 'pan', 'pain', 'arbre', 'árbol']);

    const [perro] = cardsOf({ sqlite, profileId }, 'perro');
    const [pera] = cardsOf({ sqlite, profileId }, 'pera');
    sqlite.prepare('UPDATE cards SET state = 2, due = ?, lapses = ? WHERE id = ?').run(NOON + DAY, 5, perro);
    sqlite.prepare('UPDATE cards SET state = 2, due = ?, lapses = ? WHERE id = ?').run(NOON - DAY, 1, pera);
    const due = (await c.call('browse:search', { sort: 'due' })).rows;
    expect(due.slice(0, 2).map((r) => r.cardId)).toEqual([pera, perro]);
    expect((await c.call('browse:search', { sort: 'lapses', descending: true })).rows[0]!.cardId).toBe(perro);

    const all = (await c.call('browse:search', { sort: 'created', limit: 500 })).rows.map((r) => r.cardId);
    expect(all).toHaveLength(13);
    const pages = [];
    for (let offset = 0; offset < 13; offset += 5) {
      const page = await c.call('browse:search', { sort: 'created', limit: 5, offset });
      expect(page.total).toBe(13);
      pages.push(...page.rows.map((r) => r.cardId));
    }
    expect(pages).toEqual(all);
    expect(await c.call('browse:search', { limit: 5, offset: 100 })).toEqual({ total: 13, rows: [] });
    const newest = (await c.call('browse:search', { sort: 'created', descending: true, limit: 500 })).rows.map(
      (r) => r.cardId,
    );
    expect(newest).toEqual([...all].reverse());
  });

  it('runs the hot searches from the FTS index and the card indexes, never a scan of every card', async () => {
    const { sqlite, profileId, spanish } = await setup();
    registerFold(sqlite);
    const plan = (raw: Parameters<typeof browseSearch.input.parse>[0]) => {
      const input = browseSearch.input.parse(raw);
      const { count, page, params } = buildSearch(input, {
        profileId,
        deckIds: input.deckId ? [input.deckId] : null,
        day: { start: 0, end: 1 },
      });
      return [count, page].map((sql) =>
        (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
          .map((p) => p.detail)
          .join('\n'),
      );
    };
    for (const raw of [
      { query: 'arb' },
      { query: 'arbol', tag: 'nature' },
      { tag: 'food' },
      { query: 'pan', deckId: spanish, sort: 'due' as const },
    ]) {
      for (const detail of plan(raw)) {
        expect(detail).toMatch(/SCAN f VIRTUAL TABLE INDEX 0:M/);
        expect(detail).toMatch(/SEARCH c USING INDEX cards_note \(note_id=\?\)/);
        expect(detail).not.toMatch(/SCAN (c|n)\b/);
      }
    }
    const details = (
      sqlite.prepare(`EXPLAIN QUERY PLAN ${DETAILS_SQL}`).all({ rowids: '[]', profileId }) as { detail: string }[]
    ).map((p) => p.detail);
    expect(details).toEqual([
      expect.stringMatching(/^SCAN p VIRTUAL TABLE/),
      'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH n USING INDEX sqlite_autoindex_notes_1 (id=?)',
    ]);
    // Without text, the card indexes answer alone: no wide card rows, no sort of every card for the first page.
    const [count, page] = plan({});
    expect(count).toMatch(/^SEARCH c USING COVERING INDEX cards_created \(profile_id=\? AND deleted_at=\?\)$/);
    expect(page).toMatch(/^SEARCH c USING COVERING INDEX cards_created \(profile_id=\? AND deleted_at=\?\)$/);
    for (const raw of [
      { deckId: spanish, state: 'review' as const },
      { state: 'new' as const },
      { deckId: spanish, due: 'today' as const },
      { minLapses: 3, sort: 'lapses' as const },
    ]) {
      for (const detail of plan(raw))
        expect(detail).toMatch(/^SEARCH c USING COVERING INDEX cards_live \(profile_id=\? AND deleted_at=\?/);
    }
    // Sorted by term, the notes come first and bring their cards.
    expect(plan({ sort: 'term' })[1]).toMatch(
      /^SEARCH n USING INDEX \w+ \(profile_id=\?\)\nSEARCH c USING INDEX cards_note \(note_id=\?\)/,
    );
    // Across all decks, the few cards due or in learning are found by state and due date.
    for (const raw of [{ state: 'learning' as const }, { due: 'today' as const, sort: 'due' as const }]) {
      for (const detail of plan(raw))
        expect(detail).toMatch(/^SEARCH c USING INDEX cards_queue \(profile_id=\? AND state=\?/);
    }
  });
});
