import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, makeCore, removeDir, sampleProfile, tempDir } from '../support/test-core';
import { syncedFingerprint } from './support/devices';
import { startRealServer } from './support/real-server';

/*
 * The client against the real companion server (server/, SQLite backend) on loopback: sign-in, key upload, push,
 * roaming pull, a review on one machine seen on the other, over HTTP with the protocol's schemas.
 */

const CHEAP_KDF = { N: 2 ** 14, r: 8, p: 1 };
let server: Awaited<ReturnType<typeof startRealServer>>;

beforeAll(async () => {
  server = await startRealServer();
  await server.addUser('ana', 'correct horse battery');
});
afterAll(async () => server?.close());

async function machine() {
  const dataDir = tempDir('parley-sync-real-');
  const core = await makeCore({ dataDir });
  core.internals().services.sync.useTransport(undefined, CHEAP_KDF);
  return {
    core,
    c: caller(core),
    sqlite: core.internals().sqlite,
    close: async () => (await core.close(), removeDir(dataDir)),
  };
}

describe('sync with the real server', () => {
  it('roams a profile to a second machine and carries a review back', async () => {
    const account = {
      serverUrl: server.url,
      username: 'ana',
      password: 'correct horse battery',
      passphrase: 'sync passphrase for ana',
    };
    const laptop = await machine();
    const { profile } = await laptop.c.call('profiles:create', { ...sampleProfile });
    const { deck } = await laptop.c.call('decks:create', { name: 'Spanish' });
    for (const term of ['hola', 'adiós', 'gracias'])
      await laptop.c.call('notes:create', { deckId: deck.id, term, translation: term.toUpperCase() });
    const configured = await laptop.c.call('sync:configure', account);
    expect(configured.status).toMatchObject({ state: 'idle', pendingChanges: 0, message: null });

    const lab = await machine();
    const wrong = await lab.c.raw('sync:roam', { ...account, password: 'wrong password!' });
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSWORD');
    expect((await lab.c.call('sync:roam', account)).profileId).toBe(profile.id);
    expect(syncedFingerprint(lab.sqlite, profile.id)).toBe(syncedFingerprint(laptop.sqlite, profile.id));

    const scope = { deckId: null };
    const next = await lab.c.call('review:next', scope);
    await lab.c.call('review:answer', { scope, cardId: next.card!.cardId, rating: 3, durationMs: 2500 });
    expect((await lab.c.call('sync:now', {})).status).toMatchObject({ state: 'idle', pendingChanges: 0 });
    expect((await laptop.c.call('sync:now', {})).status.state).toBe('idle');
    expect(laptop.sqlite.prepare('SELECT count(*) FROM review_logs').pluck().get()).toBe(1);
    expect(laptop.sqlite.prepare('SELECT reps FROM cards WHERE id = ?').pluck().get(next.card!.cardId)).toBe(1);
    expect(syncedFingerprint(laptop.sqlite, profile.id)).toBe(syncedFingerprint(lab.sqlite, profile.id));
    await laptop.close();
    await lab.close();
  });
});
