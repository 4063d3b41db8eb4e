import { describe, expect, it } from 'vitest';
import { decryptMessage } from '../../src-main/services/sync/crypto';
import { createSyncEngine, SyncIntegrityError } from '../../src-main/services/sync/engine';
import { syncedTableInfo } from '../../src-main/services/sync/tables';
import { createMemoryServer } from './support/memory-server';
import { makeDevice, openSeed, seedDevice, sharedClock, syncedFingerprint, syncedRows } from './support/devices';

const MINUTE = 60_000;

async function pair() {
  const clock = sharedClock();
  const seed = await seedDevice(clock);
  const server = createMemoryServer();
  const a = await openSeed(seed, clock);
  const b = await makeDevice('b', clock, seed.account);
  const session = () => server.session(seed.account.accountId);
  const profileId = seed.account.profileId;
  const noteOf = (d: typeof a) =>
    d.sqlite.prepare('SELECT id FROM notes WHERE profile_id = ? ORDER BY id').pluck().get(profileId) as string;
  const note = (d: typeof a, id: string) =>
    d.sqlite.prepare('SELECT term, translation, tags, deleted_at AS deletedAt FROM notes WHERE id = ?').get(id);
  return {
    clock,
    seed,
    server,
    a,
    b,
    session,
    profileId,
    noteOf,
    note,
    close: async () => (await a.close(), await b.close()),
  };
}

describe('merging changes', () => {
  it('keeps concurrent edits of different fields from two devices, and the later edit of the same field', async () => {
    const t = await pair();
    await t.a.sync(t.session());
    await t.b.sync(t.session());
    await t.b.c.call('profiles:signIn', { profileId: t.profileId });
    const noteId = t.noteOf(t.a);

    // Offline on both: a renames the word, b corrects its translation; then both change the tags, b later.
    t.clock.t += MINUTE;
    await t.a.c.call('notes:update', { noteId, patch: { term: 'la palabra' } });
    t.clock.t += MINUTE;
    await t.b.c.call('notes:update', { noteId, patch: { translation: 'the word' } });
    t.clock.t += MINUTE;
    await t.a.c.call('notes:update', { noteId, patch: { tags: ['from-a'] } });
    t.clock.t += MINUTE;
    await t.b.c.call('notes:update', { noteId, patch: { tags: ['from-b'] } });

    // The later device syncs first: order of arrival must not matter.
    await t.b.sync(t.session());
    await t.a.sync(t.session());
    await t.b.sync(t.session());
    expect(t.note(t.a, noteId)).toEqual({
      term: 'la palabra',
      translation: 'the word',
      tags: 'from-b',
      deletedAt: null,
    });
    expect(t.note(t.b, noteId)).toEqual(t.note(t.a, noteId));
    expect(syncedFingerprint(t.b.sqlite, t.profileId)).toBe(syncedFingerprint(t.a.sqlite, t.profileId));
    await t.close();
  });

  it('merges answers to the same card from two devices and replays its FSRS state from the union', async () => {
    const t = await pair();
    await t.a.sync(t.session());
    await t.b.sync(t.session());
    await t.b.c.call('profiles:signIn', { profileId: t.profileId });
    const scope = { deckId: null };
    const first = await t.a.c.call('review:next', scope);
    const cardId = first.card!.cardId;
    t.clock.t += MINUTE;
    await t.a.c.call('review:answer', { scope, cardId, rating: 3, durationMs: 3000 });
    t.clock.t += 10 * MINUTE;
    // b answers the same card without having seen a's answer.
    const onB = await t.b.c.call('review:next', scope);
    expect(onB.card!.cardId).toBe(cardId);
    await t.b.c.call('review:answer', { scope, cardId, rating: 1, durationMs: 3000 });
    await t.a.sync(t.session());
    await t.b.sync(t.session());
    await t.a.sync(t.session());
    const card = (d: typeof t.a) =>
      d.sqlite.prepare('SELECT reps, lapses, state, due, stability FROM cards WHERE id = ?').get(cardId) as {
        reps: number;
      };
    expect(card(t.a).reps).toBe(2);
    expect(card(t.b)).toEqual(card(t.a));
    expect(t.b.sqlite.prepare('SELECT count(*) FROM review_logs WHERE card_id = ?').pluck().get(cardId)).toBe(2);
    expect(syncedFingerprint(t.b.sqlite, t.profileId)).toBe(syncedFingerprint(t.a.sqlite, t.profileId));
    await t.close();
  });

  it('carries deletes as tombstones', async () => {
    const t = await pair();
    await t.a.sync(t.session());
    await t.b.sync(t.session());
    const noteId = t.noteOf(t.a);
    const { cards } = await t.a.c.call('notes:get', { noteId });
    t.clock.t += MINUTE;
    await t.a.c.call('browse:bulk', { cardIds: cards.map((c) => c.id), action: { kind: 'delete' } });
    await t.a.sync(t.session());
    await t.b.sync(t.session());
    expect((t.note(t.b, noteId) as { deletedAt: number | null }).deletedAt).not.toBeNull();
    expect(syncedRows(t.b.sqlite, t.profileId)).toEqual(syncedRows(t.a.sqlite, t.profileId));
    await t.close();
  });

  it('splits a large outbox into several messages and brings all of it across pages', async () => {
    const t = await pair();
    const { services } = t.a.core.internals();
    const deckId = t.a.sqlite.prepare('SELECT id FROM decks').pluck().get() as string;
    const words = Array.from({ length: 2500 }, (_, i) => ({
      term: `extra${i}`,
      translation: `more${i}`,
      examples: [],
      partOfSpeech: null,
      gender: null,
      ipa: null,
      tags: [],
    }));
    services.notes.insertMany(t.profileId, deckId, words, 'import');
    await t.a.sync(t.session());
    expect(t.server.accounts.get(t.seed.account.accountId)!.messages.length).toBeGreaterThan(1);
    await t.b.sync(t.server.session(t.seed.account.accountId, undefined, undefined, 1));
    expect(t.b.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(2503);
    expect(syncedFingerprint(t.b.sqlite, t.profileId)).toBe(syncedFingerprint(t.a.sqlite, t.profileId));
    await t.close();
  });

  it('sends only what is new: a change made after a sync travels alone, not with the history before it', async () => {
    const t = await pair();
    await t.a.sync(t.session());
    const stored = t.server.accounts.get(t.seed.account.accountId)!.messages;
    const before = stored.length;
    const sentBefore = t.a.sqlite.prepare('SELECT max(seq) FROM changes').pluck().get() as number;
    t.clock.t += MINUTE;
    await t.a.c.call('notes:update', { noteId: t.noteOf(t.a), patch: { term: 'nueva' } });
    const newChanges = t.a.sqlite.prepare('SELECT count(*) FROM changes WHERE seq > ?').pluck().get(sentBefore);
    expect(newChanges).toBeGreaterThan(0);
    await t.a.sync(t.session());
    expect(stored.length).toBe(before + 1);
    const last = stored[stored.length - 1]!;
    const { accountId, dataKey } = t.seed.account;
    const plain = decryptMessage(dataKey, last.id, accountId, Buffer.from(last.ciphertext, 'base64'));
    expect((JSON.parse(plain) as { changes: unknown[] }).changes).toHaveLength(newChanges as number);
    await t.close();
  });

  it('refuses a message altered on the server and applies nothing of its page', async () => {
    const t = await pair();
    await t.a.sync(t.session());
    const stored = t.server.accounts.get(t.seed.account.accountId)!.messages;
    expect(stored.length).toBeGreaterThan(0);
    t.server.tamper(t.seed.account.accountId, stored.length - 1, (bytes) => {
      const copy = Buffer.from(bytes);
      copy[copy.length - 1]! ^= 0x01;
      return copy;
    });
    await expect(t.b.sync(t.session())).rejects.toBeInstanceOf(SyncIntegrityError);
    expect(t.b.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    expect(t.b.sqlite.prepare('SELECT count(*) FROM profiles').pluck().get()).toBe(0);
    expect(t.b.sqlite.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe('');

    // A message moved to another id fails too: the id is bound into the encryption.
    const server = createMemoryServer();
    await t.a.sqlite.prepare('UPDATE changes SET sent_at = NULL').run();
    await t.a.sync(server.session(t.seed.account.accountId));
    const moved = server.accounts.get(t.seed.account.accountId)!.messages;
    moved[0]!.id = '00000000-0000-4000-8000-000000000000';
    const c = await makeDevice('c', t.clock, t.seed.account);
    await expect(c.sync(server.session(t.seed.account.accountId))).rejects.toBeInstanceOf(SyncIntegrityError);
    expect(c.sqlite.prepare('SELECT count(*) FROM profiles').pluck().get()).toBe(0);
    await c.close();
    await t.close();
  });

  it('parks changes for tables an older version does not know and applies them after the upgrade', async () => {
    const t = await pair();
    const { services } = t.a.core.internals();
    services.tutor.start(
      { profileId: t.profileId, secretsKey: null, audience: () => ({ sessionIds: [] }) },
      { scenarioId: null, title: 'En el mercado', tutorOpens: false },
    );
    await t.a.sync(t.session());
    const older = new Map([...syncedTableInfo()].filter(([name]) => !name.startsWith('tutor_')));
    const oldEngine = createSyncEngine({
      sqlite: t.b.sqlite,
      now: () => t.clock.t,
      receive: () => undefined,
      knownTables: older,
    });
    await oldEngine.pull(t.session(), t.seed.account);
    expect(t.b.sqlite.prepare('SELECT count(*) FROM tutor_conversations').pluck().get()).toBe(0);
    expect(
      t.b.sqlite.prepare(`SELECT count(*) FROM sync_parked WHERE reason = 'unknown_table'`).pluck().get(),
    ).toBeGreaterThan(0);
    expect(t.b.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(3);

    // After the upgrade, the start-up retry applies what was parked.
    const upgraded = t.b.core.internals().services.sync;
    upgraded.startBackground();
    await upgraded.stop();
    expect(t.b.sqlite.prepare('SELECT count(*) FROM sync_parked').pluck().get()).toBe(0);
    expect(t.b.sqlite.prepare('SELECT title FROM tutor_conversations').pluck().get()).toBe('En el mercado');
    expect(syncedFingerprint(t.b.sqlite, t.profileId)).toBe(syncedFingerprint(t.a.sqlite, t.profileId));
    await t.close();
  });

  it('does not record applied remote changes in the outbox, and a retry after a cut push stores nothing twice', async () => {
    const t = await pair();
    let cut = true;
    const faulty = t.server.session(t.seed.account.accountId, undefined, {
      push: () => (cut ? ((cut = false), 'cut') : 'ok'),
      pull: () => 'ok',
    });
    await expect(t.a.sync(faulty)).rejects.toThrow(/reset/);
    const afterCut = t.server.accounts.get(t.seed.account.accountId)!.messages.length;
    expect(t.a.sqlite.prepare('SELECT count(*) FROM changes WHERE sent_at IS NULL').pluck().get()).toBeGreaterThan(0);
    await t.a.sync(faulty);
    expect(t.server.accounts.get(t.seed.account.accountId)!.messages.length).toBe(afterCut);
    expect(t.a.sqlite.prepare('SELECT count(*) FROM changes WHERE sent_at IS NULL').pluck().get()).toBe(0);
    await t.b.sync(t.session());
    expect(t.b.sqlite.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(0);
    expect(t.b.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(3);
    await t.close();
  });
});
