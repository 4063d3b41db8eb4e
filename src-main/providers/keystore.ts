/**
 * Where secrets live. The desktop shell uses Electron's safeStorage; the web shell a file only its owner can
 * read; tests keep them in memory. Nothing here is ever logged.
 */
export interface KeyStore {
  /** 'os': encrypted by the OS key store; 'basic_text': Electron's hard-coded fallback key; 'file': plain file. */
  readonly backend: 'os' | 'basic_text' | 'file' | 'memory';
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Names that start with the prefix. */
  list(prefix: string): Promise<string[]>;
}

export function createMemoryKeyStore(): KeyStore {
  const values = new Map<string, string>();
  return {
    backend: 'memory',
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
    list: async (prefix) => [...values.keys()].filter((k) => k.startsWith(prefix)),
  };
}
