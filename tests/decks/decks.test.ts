import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Core } from '../../src-main/core';
import { CARDS_SQL, TODAY_SQL } from '../../src-main/services/decks/deck-counts';
import { DAY, HOUR, NOON, learner, word, words } from './decks-support';

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

describe('deck tree', () => {
  it('creates decks in the profile languages by default and lists them as a tree with full names', async () => {
    const { c } = await setup({ native: 'es', target: 'en' });
    const { deck: root } = await c.call('decks:create', { name: 'Inglés' });
    expect(root).toMatchObject({ nativeLanguage: 'es', targetLanguage: 'en', parentId: null, fullName: 'Inglés' });
    const { deck: verbs } = await c.call('decks:create', { name: 'Verbos', parentId: root.id });
    await c.call('decks:create', { name: 'Adjetivos', parentId: root.id });
    await c.call('decks:create', { name: 'Alemán', nativeLanguage: 'es', targetLanguage: 'de' });
    const { deck: irregular } = await c.call('decks:create', { name: 'Irregulares', parentId: verbs.id });
    expect(irregular.fullName).toBe('Inglés::Verbos::Irregulares');
    const { decks } = await c.call('decks:list', {});
    expect(decks.map((d) => d.fullName)).toEqual([
      'Alemán',
      'Inglés',
      'Inglés::Adjetivos',
      'Inglés::Verbos',
      'Inglés::Verbos::Irregulares',
    ]);
    expect(decks.find((d) => d.name === 'Alemán')?.targetLanguage).toBe('de');
  });

  it('refuses a second deck of the same name in the same place, and names with "::"', async () => {
    const { c } = await setup();
    const { deck } = await c.call('decks:create', { name: 'Food' });
    await expect(c.call('decks:create', { name: ' food ' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(c.call('decks:create', { name: 'Food', parentId: deck.id })).resolves.toBeTruthy();
    await expect(c.call('decks:create', { name: 'A::B' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('renames and moves decks, and refuses to move a deck inside itself', async () => {
    const { c } = await setup();
    const { deck: a } = await c.call('decks:create', { name: 'A' });
    const { deck: b } = await c.call('decks:create', { name: 'B', parentId: a.id });
    const { deck: c1 } = await c.call('decks:create', { name: 'C', parentId: b.id });
    await expect(c.call('decks:update', { deckId: a.id, parentId: c1.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(c.call('decks:update', { deckId: a.id, parentId: a.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await c.call('decks:update', { deckId: c1.id, parentId: null, name: 'Top' })).deck).toMatchObject({
      fullName: 'Top',
      parentId: null,
    });
    expect((await c.call('decks:update', { deckId: b.id, name: 'Bee' })).deck.fullName).toBe('A::Bee');
    const { decks } = await c.call('decks:list', {});
    expect(decks.map((d) => d.fullName)).toEqual(['A', 'A::Bee', 'Top']);
  });
});

describe('deck counts', () => {
  it('offers new cards up to the daily limit, counts due learning and review cards, and adds subdecks into parents', async () => {
    const { c, services, profileId, sqlite } = await setup();
    const { deck: parent } = await c.call('decks:create', { name: 'Spanish' });
    const { deck: child } = await c.call('decks:create', { name: 'Food', parentId: parent.id });
    services.notes.insertMany(profileId, parent.id, words('p', 15), 'manual'); // 30 new cards
    services.notes.insertMany(profileId, child.id, words('c', 5), 'manual'); // 10 new cards
    const cards = sqlite
      .prepare('SELECT id FROM cards WHERE deck_id = ? ORDER BY position')
      .pluck()
      .all(child.id) as string[];
    const set = sqlite.prepare('UPDATE cards SET state = ?, due = ?, suspended = ? WHERE id = ?');
    set.run(2, NOON - DAY, 0, cards[0]); // review, overdue
    set.run(2, NOON + 10 * HOUR, 0, cards[1]); // review, later today (the day ends at 04:00 tomorrow)
    set.run(2, NOON + 2 * DAY, 0, cards[2]); // review, not due
    set.run(1, NOON + 5 * 60_000, 0, cards[3]); // learning, due in five minutes
    set.run(3, NOON + 2 * DAY, 0, cards[4]); // relearning, not due
    set.run(2, NOON - DAY, 1, cards[5]); // suspended
    const { decks } = await c.call('decks:list', {});
    const food = decks.find((d) => d.id === child.id)!;
    const spanish = decks.find((d) => d.id === parent.id)!;
    expect(food.counts).toEqual({ new: 4, learning: 1, review: 2, total: 10, suspended: 1 });
    // 30 + 4 new cards, but the default preset offers 20 a day.
    expect(spanish.counts).toEqual({ new: 20, learning: 1, review: 2, total: 40, suspended: 1 });
  });

  it('takes the new cards already studied today off the limit, from the start of the study day', async () => {
    const { c, services, profileId, sqlite, clock } = await setup();
    const { deck } = await c.call('decks:create', { name: 'Spanish' });
    services.notes.insertMany(profileId, deck.id, words('w', 20), 'manual');
    const cards = sqlite
      .prepare('SELECT id FROM cards WHERE deck_id = ? ORDER BY position')
      .pluck()
      .all(deck.id) as string[];
    const log = sqlite.prepare(
      `INSERT INTO review_logs (id, profile_id, card_id, reviewed_at, rating, state_before, state_after, due_after, stability_after,
         difficulty_after, elapsed_days, scheduled_days, duration_ms, device_id, updated_at)
       VALUES (lower(hex(randomblob(16))), ?, ?, ?, 3, ?, 1, 0, 1, 5, 0, 0, 1000, 'd', 'h')`,
    );
    // Five cards introduced this study day (after 04:00), two yesterday evening: only today's five count.
    for (const id of cards.slice(0, 5)) {
      log.run(profileId, id, NOON - HOUR, 0);
      sqlite.prepare('UPDATE cards SET state = 1, due = ? WHERE id = ?').run(NOON + DAY * 3, id);
    }
    for (const id of cards.slice(5, 7)) {
      log.run(profileId, id, NOON - 10 * HOUR, 0);
      sqlite.prepare('UPDATE cards SET state = 1, due = ? WHERE id = ?').run(NOON + DAY * 3, id);
    }
    await c.call('decks:updatePreset', { presetId: deck.presetId, patch: { newPerDay: 8 } });
    expect((await c.call('decks:list', {})).decks[0]!.counts.new).toBe(3);
    clock.at = NOON + DAY; // a new study day: the full limit again
    expect((await c.call('decks:list', {})).decks[0]!.counts.new).toBe(8);
  });

  it("reads each deck's cards and today's answers through indexes, never a scan of every card or answer", async () => {
    const { sqlite } = await setup();
    const plan = (sql: string) =>
      (
        sqlite
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all({ profileId: 'p', now: 0, dayEnds: '{}', dayStarts: '{}', since: 0 }) as { detail: string }[]
      )
        .map((p) => p.detail)
        .join('\n');
    const cards = plan(CARDS_SQL)
      .split('\n')
      .filter((line) => /\bc\b/.test(line));
    expect(cards).toHaveLength(5);
    for (const line of cards)
      expect(line).toMatch(
        /^SEARCH c USING COVERING INDEX cards_live \(profile_id=\? AND deleted_at=\? AND deck_id=\?/,
      );
    expect(plan(TODAY_SQL)).toMatch(
      /SEARCH l USING INDEX review_logs_profile_time \(profile_id=\? AND reviewed_at>\?\)/,
    );
    expect(plan(TODAY_SQL)).not.toMatch(/SCAN (c|l)\b/);
  });
});

describe('deleting a deck', () => {
  it('asks for the deck name when it holds words, then tombstones it, its subdecks, their notes and cards', async () => {
    const { c, services, profileId, sqlite } = await setup();
    const { deck } = await c.call('decks:create', { name: 'Spanish' });
    const { deck: sub } = await c.call('decks:create', { name: 'Food', parentId: deck.id });
    const { deck: other } = await c.call('decks:create', { name: 'Keep' });
    services.notes.insertMany(profileId, deck.id, words('a', 3), 'manual');
    services.notes.insertMany(profileId, sub.id, [word('manzana', 'apple')], 'manual');
    services.notes.insertMany(profileId, other.id, [word('perro', 'dog')], 'manual');
    await expect(c.call('decks:delete', { deckId: deck.id, confirmation: 'spanish' })).rejects.toMatchObject({
      code: 'CONFIRMATION_MISMATCH',
    });
    expect((await c.call('decks:list', {})).decks).toHaveLength(3);

    expect(await c.call('decks:delete', { deckId: deck.id, confirmation: ' Spanish ' })).toEqual({ deletedNotes: 4 });
    expect((await c.call('decks:list', {})).decks.map((d) => d.name)).toEqual(['Keep']);
    const live = (table: string) =>
      sqlite
        .prepare(`SELECT count(*) FROM ${table} WHERE profile_id = ? AND deleted_at IS NULL`)
        .pluck()
        .get(profileId);
    expect([live('decks'), live('notes'), live('cards')]).toEqual([1, 1, 2]);
    const tombstones = sqlite
      .prepare(
        `SELECT table_name, count(*) AS n FROM changes WHERE op = 'delete' GROUP BY table_name ORDER BY table_name`,
      )
      .all();
    expect(tombstones).toEqual([
      { table_name: 'cards', n: 8 },
      { table_name: 'decks', n: 2 },
      { table_name: 'notes', n: 4 },
    ]);
    const search = await c.call('browse:search', { query: 'manzana' });
    expect(search.total).toBe(0);
  });

  it('deletes an empty deck without asking', async () => {
    const { c } = await setup();
    const { deck } = await c.call('decks:create', { name: 'Empty' });
    expect(await c.call('decks:delete', { deckId: deck.id, confirmation: '' })).toEqual({ deletedNotes: 0 });
    expect((await c.call('decks:list', {})).decks).toEqual([]);
  });
});

describe('deck options', () => {
  it('reads and changes the preset a deck uses', async () => {
    const { c } = await setup();
    const { deck } = await c.call('decks:create', { name: 'Spanish' });
    const { preset } = await c.call('decks:getPreset', { deckId: deck.id });
    expect(preset).toMatchObject({ id: deck.presetId, desiredRetention: 0.9, newPerDay: 20, fsrsWeights: null });
    const { preset: changed } = await c.call('decks:updatePreset', {
      presetId: preset.id,
      patch: { desiredRetention: 0.85, learningSteps: ['1m', '1h'] },
    });
    expect(changed).toMatchObject({ desiredRetention: 0.85, learningSteps: ['1m', '1h'], newPerDay: 20 });
    expect((await c.call('decks:getPreset', { deckId: deck.id })).preset).toEqual(changed);
    const bad = await c.raw('decks:updatePreset', { presetId: preset.id, patch: { desiredRetention: 2 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('CSV export', () => {
  it("writes the deck's and its subdecks' words with the columns the import reads", async () => {
    const { c, services, profileId } = await setup();
    const { deck } = await c.call('decks:create', { name: 'Spanish' });
    const { deck: sub } = await c.call('decks:create', { name: 'Food', parentId: deck.id });
    const examples = [
      { text: 'El "árbol" es alto.', translation: 'The tree is tall.' },
      { text: 'Un árbol, dos árboles.', translation: 'One tree, two trees.' },
    ];
    services.notes.create(
      profileId,
      deck.id,
      word('árbol', 'tree, plant', {
        examples,
        partOfSpeech: 'noun',
        gender: 'm',
        ipa: 'ˈaɾβol',
        tags: ['nature', 'a1'],
      }),
      'manual',
    );
    services.notes.create(profileId, sub.id, word('pan', 'bread\nloaf'), 'manual');
    await c
      .call('decks:create', { name: 'Other' })
      .then(({ deck: other }) => services.notes.create(profileId, other.id, word('gato', 'cat'), 'manual'));
    const out = await c.call('decks:exportCsv', { deckId: deck.id });
    expect(out.fileName).toBe('Spanish.csv');
    expect(out.rows).toBe(2);
    expect(out.csv.startsWith('\ufeff')).toBe(true); // so spreadsheets read it as UTF-8
    const parsed = Papa.parse<string[]>(out.csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['term', 'translation', 'example', 'example_translation', 'part_of_speech', 'gender', 'ipa', 'tags'],
      [
        'árbol',
        'tree, plant',
        'El "árbol" es alto.\nUn árbol, dos árboles.',
        'The tree is tall.\nOne tree, two trees.',
        'noun',
        'm',
        'ˈaɾβol',
        'nature a1',
      ],
      ['pan', 'bread\nloaf', '', '', '', '', '', ''],
    ]);
    expect((await c.call('decks:exportCsv', { deckId: sub.id })).fileName).toBe('Spanish - Food.csv');
  });
});
