import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardIdFor } from '../../db/functions';
import { createHlcClock } from '../../db/hlc-clock';
import { newId } from '../../db/ids';
import { createMutator } from '../../db/mutate';
import * as schema from '../../db/schema';
import { reviewLogs } from '../../db/schema';
import { DATABASE_FILE } from '../../src-main/core';
import { id as uuidV7 } from '../../src-shared/domain/text';
import { makeCore, sampleProfile, caller, tempDir } from '../support/test-core';

const word = (i: number) => ({
  term: `palabra${i}`,
  translation: `word ${i}`,
  examples: [{ text: `Digo palabra${i} cada día.`, translation: `I say word ${i} every day.` }],
  partOfSpeech: 'noun',
  gender: i % 2 ? 'f' : 'm',
  ipa: null,
  tags: ['bulk'],
});

/** Notes written one by one and in bulk (imports) must leave the same traces: change records, search rows, cards. */
describe('writing many notes at once', () => {
  it('records the same change data, search text and cards as writing them one by one', async () => {
    const dataDir = tempDir();
    const core = await makeCore({ dataDir });
    const { profile } = await caller(core).call('profiles:create', { ...sampleProfile });
    const { services } = core.internals();
    const deckId = services.deckRows.create(profile.id, { name: 'Bulk', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' }).id;
    const single = services.notes.create(profile.id, deckId, word(0), 'manual');
    services.notes.insertMany(profile.id, deckId, Array.from({ length: 100 }, (_, i) => word(i + 1)), 'import');
    await core.close();

    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const changes = db.prepare("SELECT row_id, hlc, data FROM changes WHERE table_name = 'notes' ORDER BY seq").all() as { row_id: string; hlc: string; data: string }[];
    const notes = db.prepare('SELECT id, updated_at FROM notes ORDER BY rowid').all() as { id: string; updated_at: string }[];
    const searchRows = (query: string) => db.prepare('SELECT count(*) FROM notes_fts WHERE notes_fts MATCH ?').pluck().get(query);
    const byExampleWord = searchRows('"cada"');
    const byTerm = searchRows('"palabra57"');
    const mapped = db.prepare('SELECT count(*) FROM notes_fts_rows r JOIN notes_fts f ON f.rowid = r.fts_rowid AND f.note_id = r.note_id').pluck().get();
    const cards = db.prepare('SELECT id, note_id, kind FROM cards').all() as { id: string; note_id: string; kind: string }[];
    db.close();

    // One change per note, in the order written, carrying the row's HLC.
    expect(changes.map((c) => c.row_id)).toEqual(notes.map((n) => n.id));
    expect(changes.map((c) => c.hlc)).toEqual(notes.map((n) => n.updated_at));
    const one = JSON.parse(changes[0]!.data) as Record<string, unknown>;
    const bulk = JSON.parse(changes[1]!.data) as Record<string, unknown>;
    expect(one.id).toBe(single.id);
    // Key for key and type for type, examples as JSON rather than text.
    expect(Object.keys(bulk).sort()).toEqual(Object.keys(one).sort());
    expect(bulk).toMatchObject({ term: 'palabra1', examples: [{ text: 'Digo palabra1 cada día.', translation: 'I say word 1 every day.' }], audio: [], deleted_at: null });
    for (const key of Object.keys(one)) expect(typeof bulk[key], key).toBe(typeof one[key]);

    // Every note is in the search index, found by its example's words, and mapped to its index row.
    expect(byExampleWord).toBe(101);
    expect(byTerm).toBe(1);
    expect(mapped).toBe(101);

    // Recognition, production and cloze for each, with ids that follow from note and kind.
    expect(cards).toHaveLength(303);
    for (const card of cards) {
      expect(card.id).toBe(cardIdFor(card.note_id, card.kind));
      expect(uuidV7.safeParse(card.id).success).toBe(true);
    }
  });

  it('keeps every note findable and editable in search when the index is numbered ahead of the notes', async () => {
    const dataDir = tempDir();
    const core = await makeCore({ dataDir });
    const api = caller(core);
    const { profile } = await api.call('profiles:create', { ...sampleProfile });
    const { services, sqlite } = core.internals();
    const deckId = services.deckRows.create(profile.id, { name: 'Drift', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' }).id;
    // An edit re-indexes its note under a new index row after the others, so the index runs ahead of the notes.
    const first = services.notes.create(profile.id, deckId, word(0), 'manual');
    services.notes.create(profile.id, deckId, word(100), 'manual');
    services.notes.update(profile.id, first.id, { term: 'cambio' });
    services.notes.insertMany(profile.id, deckId, Array.from({ length: 20 }, (_, i) => word(i + 1)), 'import');
    services.notes.insertMany(profile.id, deckId, Array.from({ length: 20 }, (_, i) => word(i + 21)), 'import');
    const search = (query: string) => sqlite.prepare('SELECT note_id FROM notes_fts WHERE notes_fts MATCH ?').pluck().all(query) as string[];
    const idOf = (term: string) => sqlite.prepare('SELECT id FROM notes WHERE term = ?').pluck().get(term) as string;

    // Every note has exactly one index row, and the map points at it.
    expect(sqlite.prepare('SELECT count(*) FROM notes_fts').pluck().get()).toBe(42);
    expect(sqlite.prepare('SELECT count(*) FROM notes_fts_rows r JOIN notes_fts f ON f.rowid = r.fts_rowid AND f.note_id = r.note_id').pluck().get()).toBe(42);
    // An edit of a bulk-written note replaces its index row; a deleted one leaves the search.
    const edited = idOf('palabra30');
    services.notes.update(profile.id, edited, { term: 'renombrada' });
    expect(search('"renombrada"')).toEqual([edited]);
    expect(search('term : "palabra30"')).toEqual([]);
    expect(search('term : "palabra31"')).toEqual([idOf('palabra31')]);
    const gone = idOf('palabra7');
    await api.call('browse:bulk', { action: { kind: 'delete' }, cardIds: services.notes.get(profile.id, gone).cards.map((c) => c.id) });
    expect(search('"palabra7"')).toEqual([]);
    expect(search('"palabra8"')).toEqual([idOf('palabra8')]);
    await core.close();
  });

  it('refuses a second card of the same kind for a note', async () => {
    const dataDir = tempDir();
    const core = await makeCore({ dataDir });
    const { profile } = await caller(core).call('profiles:create', { ...sampleProfile });
    const { services, sqlite } = core.internals();
    const deckId = services.deckRows.create(profile.id, { name: 'One', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' }).id;
    const note = services.notes.create(profile.id, deckId, word(1), 'manual');
    const card = sqlite.prepare("SELECT * FROM cards WHERE note_id = ? AND kind = 'recognition'").get(note.id) as Record<string, unknown>;
    const copy = { ...card, id: newId() };
    const columns = Object.keys(copy);
    expect(() => sqlite.prepare(`INSERT INTO cards (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(copy)).toThrow(/UNIQUE/);
    await core.close();
  });
});

describe('row ids', () => {
  it('are UUIDv7 strings that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    for (const value of ids.slice(0, 50)) expect(uuidV7.safeParse(value).success).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('derive card ids that depend on both the note and the kind', () => {
    const note = newId();
    const kinds = ['recognition', 'production', 'cloze'].map((kind) => cardIdFor(note, kind));
    expect(new Set(kinds).size).toBe(3);
    expect(cardIdFor(note, 'cloze')).toBe(kinds[2]);
    expect(kinds[0]!.slice(0, 13)).toBe(note.slice(0, 13));
    const many = new Set(Array.from({ length: 20_000 }, () => cardIdFor(newId(), 'recognition')));
    expect(many.size).toBe(20_000);
  });
});

describe('change records of bulk inserts', () => {
  it('carry the same values as single inserts, floating-point numbers to the last digit', async () => {
    const dataDir = tempDir();
    const core = await makeCore({ dataDir });
    const { profile } = await caller(core).call('profiles:create', { ...sampleProfile });
    const { services, sqlite } = core.internals();
    const deckId = services.deckRows.create(profile.id, { name: 'Logs', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' }).id;
    const cardId = services.notes.get(profile.id, services.notes.create(profile.id, deckId, word(1), 'manual').id).cards[0]!.id;
    const db = drizzle(sqlite, { schema });
    const mutator = createMutator(db, createHlcClock(db, () => Date.now()));
    const log = (i: number) => ({
      id: newId(),
      profileId: profile.id,
      cardId,
      reviewedAt: 1_700_000_000_000 + i,
      rating: 3,
      stateBefore: 2,
      stateAfter: 2,
      dueAfter: 1_700_100_000_000 + i,
      stabilityAfter: 2.3065000000000002 + i / 3,
      difficultyAfter: 1 / 3 + i,
      elapsedDays: 0.1 * i,
      scheduledDays: 4,
      durationMs: 1234,
      deviceId: 'device',
    });
    const single = log(0);
    mutator.insert(reviewLogs, profile.id, single);
    const many = Array.from({ length: 50 }, (_, i) => log(i + 1));
    mutator.insertMany(reviewLogs, profile.id, many);
    const data = (sqlite.prepare("SELECT data FROM changes WHERE table_name = 'review_logs' ORDER BY seq").pluck().all() as string[]).map(
      (text) => JSON.parse(text) as Record<string, unknown>,
    );
    await core.close();

    expect(data).toHaveLength(51);
    expect(Object.keys(data[1]!).sort()).toEqual(Object.keys(data[0]!).sort());
    [single, ...many].forEach((row, i) => {
      expect(data[i]).toMatchObject({ id: row.id, stability_after: row.stabilityAfter, difficulty_after: row.difficultyAfter, elapsed_days: row.elapsedDays });
    });
  });
});
