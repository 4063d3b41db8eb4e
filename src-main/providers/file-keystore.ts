import type { KeyStore } from './keystore';
import { SecretFile } from './secret-file';

export const FILE_KEYSTORE_WARNING =
  'Secrets are kept in a file only your user account can read, but they are not encrypted by the operating system.';

/** The web shell's key store: a 0600 file in the data folder. */
export function createFileKeyStore(file: string): KeyStore {
  const store = new SecretFile(file);
  return {
    backend: 'file',
    get: async (name) => store.read()[name] ?? null,
    set: async (name, value) => store.write({ ...store.read(), [name]: value }),
    delete: async (name) => {
      const { [name]: _removed, ...rest } = store.read();
      store.write(rest);
    },
    list: async (prefix) => Object.keys(store.read()).filter((k) => k.startsWith(prefix)),
  };
}
