import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryKeyStore } from '../../src-main/providers/keystore';
import { caller, makeCore, removeDir, sampleProfile, tempDir } from '../support/test-core';
import { createMemoryServer } from './support/memory-server';
import { syncedFingerprint } from './support/devices';

const CHEAP_KDF = { N: 2 ** 14, r: 8, p: 1 };
const SERVER = 'https://sync.school.test';
const ACCOUNT = {
  serverUrl: SERVER,
  username: 'ana',
  password: 'correct horse battery',
  passphrase: 'my long sync passphrase',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

async function device(server: ReturnType<typeof createMemoryServer>) {
  const dataDir = tempDir('parley-sync-account-');
  const keystore = createMemoryKeyStore();
  const core = await makeCore({ dataDir, keystore });
  core.internals().services.sync.useTransport(() => server.transport(), CHEAP_KDF);
  return { dataDir, keystore, core, c: caller(core), close: async () => (await core.close(), removeDir(dataDir)) };
}

describe('sync account, passphrase and roaming', () => {
  it('signs in, syncs, changes the passphrase by re-wrapping the key only, and roams to another machine', async () => {
    const server = createMemoryServer();
    const accountId = server.addUser('ana', ACCOUNT.password);
    const a = await device(server);
    const { profile } = await a.c.call('profiles:create', { ...sampleProfile, makeAdmin: true });
    const { deck } = await a.c.call('decks:create', { name: 'Spanish' });
    await a.c.call('notes:create', { deckId: deck.id, term: 'hola', translation: 'hello' });

    expect((await a.c.call('sync:status', {})).status.configured).toBe(false);
    const wrong = await a.c.raw('sync:configure', { ...ACCOUNT, password: 'not the password' });
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSWORD');
    const { status } = await a.c.call('sync:configure', ACCOUNT);
    expect(status).toMatchObject({
      configured: true,
      state: 'idle',
      pendingChanges: 0,
      username: 'ana',
      message: null,
    });
    expect(status.lastSyncedAt).not.toBeNull();

    // The account now holds Ana's profile: another profile on this machine cannot be linked to it.
    const other = caller(a.core);
    await other.call('profiles:create', { ...sampleProfile, displayName: 'Bea' });
    const refused = await other.raw('sync:configure', ACCOUNT);
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
    expect((await other.call('sync:status', {})).status.configured).toBe(false);

    const stored = server.accounts.get(accountId)!;
    const key1 = stored.key!;
    expect(key1.version).toBe(1);
    const ciphertexts = stored.messages.map((m) => m.ciphertext);
    const wrongCurrent = await a.c.raw('sync:changePassphrase', {
      current: 'not my passphrase',
      next: 'a brand new passphrase',
    });
    expect(wrongCurrent.ok ? null : wrongCurrent.error.code).toBe('WRONG_PASSWORD');
    await a.c.call('sync:changePassphrase', { current: ACCOUNT.passphrase, next: 'a brand new passphrase' });
    expect(stored.key!.version).toBe(2);
    expect(stored.key!.wrappedKey).not.toBe(key1.wrappedKey);
    expect(stored.key!.kdf.salt).not.toBe(key1.kdf.salt);
    // Only the key was re-wrapped: the messages are untouched.
    expect(stored.messages.map((m) => m.ciphertext)).toEqual(ciphertexts);

    // The secrets are nowhere in the database, its WAL or the logs.
    const dataKey = (await a.keystore.get(`sync/${profile.id}/data-key`))!;
    const tokens = JSON.parse((await a.keystore.get(`sync/${profile.id}/tokens`))!) as {
      accessToken: string;
      refreshToken: string;
    };
    expect(dataKey).toBeTruthy();
    const secrets = [
      dataKey,
      Buffer.from(dataKey, 'base64').toString('hex'),
      ACCOUNT.passphrase,
      'a brand new passphrase',
      ACCOUNT.password,
      tokens.accessToken,
      tokens.refreshToken,
    ];
    await a.core.close();
    for (const file of filesUnder(a.dataDir)) {
      const bytes = readFileSync(file);
      for (const secret of secrets)
        expect(bytes.includes(Buffer.from(secret)), `${secret.slice(0, 6)}… in ${path.basename(file)}`).toBe(false);
      expect(bytes.includes(Buffer.from(dataKey, 'base64'))).toBe(false);
    }

    // Another machine: the old passphrase no longer opens the key; the new one brings the whole profile.
    const b = await device(server);
    expect((await b.c.call('sync:schoolServer', {})).serverUrl).toBeNull();
    const old = await b.c.raw('sync:roam', ACCOUNT);
    expect(old.ok ? null : old.error.code).toBe('WRONG_PASSWORD');
    const roamed = await b.c.call('sync:roam', {
      ...ACCOUNT,
      passphrase: 'a brand new passphrase',
      removeOnSignOut: true,
    });
    expect(roamed.profileId).toBe(profile.id);
    // Administrator rights belong to a machine: the sync account's data cannot grant them on this one.
    expect(
      b.core.internals().sqlite.prepare('SELECT is_admin FROM profiles WHERE id = ?').pluck().get(profile.id),
    ).toBe(0);
    expect((await b.c.call('profiles:current', {})).profile?.displayName).toBe('Ana');
    const reopened = await makeCore({ dataDir: a.dataDir, keystore: a.keystore });
    expect(syncedFingerprint(b.core.internals().sqlite, profile.id)).toBe(
      syncedFingerprint(reopened.internals().sqlite, profile.id),
    );
    await reopened.close();

    // Signing out on the shared machine removes the local copy once everything reached the server.
    await b.c.call('notes:create', { deckId: deck.id, term: 'adiós', translation: 'goodbye' });
    expect((await b.c.call('sync:status', {})).status.pendingChanges).toBeGreaterThan(0);
    expect(await b.c.call('sync:signOut', { removeLocalCopy: true })).toEqual({ removed: true });
    expect(b.core.internals().sqlite.prepare('SELECT count(*) FROM profiles').pluck().get()).toBe(0);
    expect(await b.keystore.list('sync/')).toEqual([]);
    expect(stored.messages.length).toBeGreaterThan(ciphertexts.length);
    expect((await b.c.call('profiles:current', {})).profile).toBeNull();
    await b.close();
    removeDir(a.dataDir);
  });

  it('locks a profile roamed to a lab computer with the school password, and follows a reset of it', async () => {
    const server = createMemoryServer();
    server.addUser('ana', ACCOUNT.password);
    const laptop = await device(server);
    const { profile } = await laptop.c.call('profiles:create', { ...sampleProfile, makeAdmin: true });
    await laptop.c.call('sync:configure', { ...ACCOUNT, removeOnSignOut: false });

    const lab = await device(server);
    await lab.c.call('sync:roam', { ...ACCOUNT, removeOnSignOut: false });
    await lab.c.call('secrets:set', { name: 'llm.apiKey', value: 'sk-ana-lab' });
    const apiKeySet = async (c: ReturnType<typeof caller>) =>
      (await c.call('secrets:status', {})).secrets.find((secret) => secret.name === 'llm.apiKey')?.isSet;
    expect(await apiKeySet(lab.c)).toBe(true);
    const listed = (await lab.c.call('profiles:list', {})).profiles.find((p) => p.id === profile.id);
    expect(listed?.hasPassword).toBe(true);

    // The next student at the machine: the picker asks for the password, and only the school password opens it.
    const next = caller(lab.core);
    const open = await next.raw('profiles:signIn', { profileId: profile.id });
    expect(open.ok ? null : open.error.code).toBe('WRONG_PASSWORD');
    const guess = await next.raw('profiles:signIn', { profileId: profile.id, password: 'letmein123' });
    expect(guess.ok ? null : guess.error.code).toBe('WRONG_PASSWORD');
    await next.call('profiles:signIn', { profileId: profile.id, password: ACCOUNT.password });
    expect((await next.call('profiles:current', {})).profile?.id).toBe(profile.id);
    await next.call('profiles:signOut', {});

    // The school resets Ana's password: signing in with the school server again moves the local lock to the new one.
    server.setPassword('ana', 'a new school password');
    const again = caller(lab.core);
    await again.call('sync:roam', { ...ACCOUNT, password: 'a new school password', removeOnSignOut: false });
    const stale = await caller(lab.core).raw('profiles:signIn', { profileId: profile.id, password: ACCOUNT.password });
    expect(stale.ok ? null : stale.error.code).toBe('WRONG_PASSWORD');
    await caller(lab.core).call('profiles:signIn', { profileId: profile.id, password: 'a new school password' });
    // What the old password sealed cannot be opened any more, so it is gone rather than left unreadable.
    expect(await apiKeySet(again)).toBe(false);
    await laptop.close();
    await lab.close();
  });
});
