import { safeStorage } from 'electron';
import { ContractError } from '../../src-shared/contract/errors';
import type { KeyStore } from '../providers/keystore';
import { SecretFile } from '../providers/secret-file';

/** The file in the data folder that holds the encrypted values; named apart from the web shell's plain one. */
export const SAFE_STORAGE_FILE = 'secrets.safe-storage.json';

export type SafeStorageApi = Pick<
  Electron.SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

const UNAVAILABLE_MESSAGE =
  'This computer offers Parley no way to encrypt secrets (no system key store is available), so Parley will not store them.';

/**
 * Must be created after the app is ready: before that Linux reports its storage backend as 'unknown'. Electron
 * 45 deprecates the synchronous encryptString/decryptString (removed in 46); the asynchronous calls read values
 * the synchronous ones wrote and also handle key rotation.
 */
export function createSafeStorageKeyStore(file: string, storage: SafeStorageApi = safeStorage): KeyStore {
  const store = new SecretFile(file);

  const requireEncryption = async () => {
    if (!(await storage.isAsyncEncryptionAvailable())) throw new ContractError('UNAVAILABLE', UNAVAILABLE_MESSAGE);
  };

  const encrypt = async (value: string) => (await storage.encryptStringAsync(value)).toString('base64');

  return {
    backend: backendOf(storage),
    async get(name) {
      const stored = store.read()[name];
      if (stored === undefined) return null;
      await requireEncryption();
      const { result, shouldReEncrypt } = await storage.decryptStringAsync(Buffer.from(stored, 'base64'));
      if (shouldReEncrypt) {
        const fresh = await encrypt(result);
        store.write({ ...store.read(), [name]: fresh });
      }
      return result;
    },
    async set(name, value) {
      await requireEncryption();
      const sealed = await encrypt(value);
      // Read after the await, so two concurrent writes of different names both survive.
      store.write({ ...store.read(), [name]: sealed });
    },
    async delete(name) {
      const { [name]: _removed, ...rest } = store.read();
      store.write(rest);
    },
    list: async (prefix) => Object.keys(store.read()).filter((key) => key.startsWith(prefix)),
  };
}

/** 'basic_text' is Linux without a keyring: Electron then encrypts with a key hard-coded in Chromium. */
function backendOf(storage: SafeStorageApi): 'os' | 'basic_text' {
  try {
    return storage.getSelectedStorageBackend?.() === 'basic_text' ? 'basic_text' : 'os';
  } catch {
    return 'os';
  }
}
