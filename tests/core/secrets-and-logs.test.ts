import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryKeyStore } from '../../src-main/providers/keystore';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

function readAll(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(path.join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

describe('secrets', () => {
  it('never come back through the contract, and are sealed by the profile password in the key store', async () => {
    const keystore = createMemoryKeyStore();
    const dataDir = tempDir();
    const core = await makeCore({ dataDir, keystore });
    const learner = caller(core);
    const { profile } = await learner.call('profiles:create', { ...sampleProfile, displayName: 'Zoë Private', password: 'pw-zoe-1234' });
    await learner.call('secrets:set', { name: 'llm.apiKey', value: 'sk-live-SECRET-123' });
    const status = await learner.call('secrets:status', {});
    expect(status.secrets).toContainEqual({ name: 'llm.apiKey', isSet: true });
    expect(status.backend).toBe('memory');
    expect(JSON.stringify(status)).not.toContain('sk-live');

    const stored = await keystore.get(`profile/${profile.id}/llm.apiKey`);
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain('SECRET');

    // Changing the password re-seals; the old value stays readable to the main process with the new key.
    await learner.call('profiles:setPassword', { currentPassword: 'pw-zoe-1234', newPassword: 'pw-zoe-5678' });
    const other = caller(core);
    await other.call('profiles:signIn', { profileId: profile.id, password: 'pw-zoe-5678' });
    expect((await other.call('secrets:status', {})).secrets).toContainEqual({ name: 'llm.apiKey', isSet: true });

    // Wrong passwords, deletes and everything else leave no secret and no learner text in the logs or database.
    await other.raw('profiles:signIn', { profileId: profile.id, password: 'wrong-guess-999' });
    await learner.call('profiles:delete', { profileId: profile.id, confirmation: 'Zoë Private' });
    expect(await keystore.list(`profile/${profile.id}/`)).toEqual([]);
    await core.close();

    const logs = readAll(path.join(dataDir, 'logs'));
    expect(logs.length).toBeGreaterThan(0);
    const database = readAll(dataDir);
    for (const needle of ['sk-live-SECRET-123', 'pw-zoe-1234', 'pw-zoe-5678', 'wrong-guess-999']) {
      expect(logs).not.toContain(needle);
      expect(database).not.toContain(needle);
    }
    expect(logs).not.toContain('Zoë Private');
  });

  it('are stored plain in the key store only when the profile has no password', async () => {
    const keystore = createMemoryKeyStore();
    const core = await makeCore({ keystore });
    const learner = caller(core);
    const { profile } = await learner.call('profiles:create', { ...sampleProfile });
    await learner.call('secrets:set', { name: 'sync.password', value: 'hunter2' });
    expect(await keystore.get(`profile/${profile.id}/sync.password`)).toBe('plain:hunter2');
    await learner.call('secrets:clear', { name: 'sync.password' });
    expect(await keystore.get(`profile/${profile.id}/sync.password`)).toBeNull();
    await core.close();
  });
});
