import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorage } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createSafeStorageKeyStore } = await import('../../src-main/electron/keystore');

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'parley-keystore-'));
  file = path.join(dir, 'secrets.json');
  safeStorage.available = true;
  safeStorage.backend = 'basic_text';
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.clearAllMocks();
});

describe('the safeStorage key store', () => {
  it('round-trips values, storing only the encrypted form', async () => {
    const store = createSafeStorageKeyStore(file);
    await store.set('profile/p1/llm.apiKey', 'sk-very-secret');
    await store.set('profile/p1/speech.apiKey', 'speech-key');
    expect(await store.get('profile/p1/llm.apiKey')).toBe('sk-very-secret');
    expect(readFileSync(file, 'utf8')).not.toContain('sk-very-secret');
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith('sk-very-secret');

    const reopened = createSafeStorageKeyStore(file);
    expect(await reopened.get('profile/p1/speech.apiKey')).toBe('speech-key');
    expect((await reopened.list('profile/p1/')).sort()).toEqual(['profile/p1/llm.apiKey', 'profile/p1/speech.apiKey']);
    await reopened.delete('profile/p1/llm.apiKey');
    expect(await reopened.get('profile/p1/llm.apiKey')).toBeNull();
    expect(await reopened.list('profile/')).toEqual(['profile/p1/speech.apiKey']);
  });

  it('keeps both of two concurrent writes', async () => {
    const store = createSafeStorageKeyStore(file);
    await Promise.all([store.set('a', '1'), store.set('b', '2')]);
    expect(await store.list('')).toEqual(expect.arrayContaining(['a', 'b']));
  });

  it('reports basic_text when Linux has no keyring, os otherwise', () => {
    expect(createSafeStorageKeyStore(file).backend).toBe('basic_text');
    safeStorage.backend = 'gnome_libsecret';
    expect(createSafeStorageKeyStore(file).backend).toBe('os');
  });

  it('re-encrypts a value when safeStorage asks for it', async () => {
    const store = createSafeStorageKeyStore(file);
    await store.set('k', 'v');
    safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: 'v', shouldReEncrypt: true });
    expect(await store.get('k')).toBe('v');
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
    expect(await createSafeStorageKeyStore(file).get('k')).toBe('v');
  });

  it('refuses to store a secret when encryption is unavailable, with a clear error', async () => {
    safeStorage.available = false;
    const store = createSafeStorageKeyStore(file);
    await expect(store.set('k', 'v')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/encrypt/),
    });
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    expect(await store.get('k')).toBeNull();
  });
});
