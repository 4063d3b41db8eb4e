import type { KeyStore } from '../../providers/keystore';
import type { SyncTokens } from '../../providers/sync/transport';

/**
 * Sync secrets in the key store: the session tokens and the account's data key per profile, and the device id the
 * server gave this machine per account. Never in the database, the renderer or the logs. (Kept outside the
 * secrets service's per-profile sealing on purpose: background sync runs while nobody is signed in.)
 */
export function createSyncKeys(keystore: KeyStore) {
  const name = (profileId: string, what: 'tokens' | 'data-key') => `sync/${profileId}/${what}`;
  return {
    async tokens(profileId: string): Promise<SyncTokens | null> {
      const text = await keystore.get(name(profileId, 'tokens'));
      return text ? (JSON.parse(text) as SyncTokens) : null;
    },
    setTokens: (profileId: string, tokens: SyncTokens) =>
      keystore.set(name(profileId, 'tokens'), JSON.stringify(tokens)),
    async dataKey(profileId: string): Promise<Buffer | null> {
      const text = await keystore.get(name(profileId, 'data-key'));
      return text ? Buffer.from(text, 'base64') : null;
    },
    setDataKey: (profileId: string, key: Buffer) => keystore.set(name(profileId, 'data-key'), key.toString('base64')),
    deviceId: (serverUrl: string, username: string) =>
      keystore.get(`sync-device/${encodeURIComponent(serverUrl)}/${username}`),
    setDeviceId: (serverUrl: string, username: string, id: string) =>
      keystore.set(`sync-device/${encodeURIComponent(serverUrl)}/${username}`, id),
    async clear(profileId: string) {
      for (const key of await keystore.list(`sync/${profileId}/`)) await keystore.delete(key);
    },
  };
}
