import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ContractError } from '../../../src-shared/contract/errors';
import { secretNames, type SecretName } from '../../../src-shared/contract/secrets';
import type { KeyStore } from '../../providers/keystore';

const PLAIN = 'plain:';
const SEALED = 'sealed:v1:';

export type SecretsService = ReturnType<typeof createSecretsService>;

/**
 * A profile's secrets in the key store. When the profile has a password, each value is also sealed with
 * AES-256-GCM under a key derived from that password, because the OS key store does not separate students who
 * share one OS account.
 */
export function createSecretsService(keystore: KeyStore) {
  const keyName = (profileId: string, name: string) => `profile/${profileId}/${name}`;

  const open = (stored: string, name: string, secretsKey: Buffer | null): string => {
    if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
    if (!stored.startsWith(SEALED) || !secretsKey) {
      throw new ContractError('FORBIDDEN', 'This secret is locked by the profile password. Sign in again to use it.');
    }
    const raw = Buffer.from(stored.slice(SEALED.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', secretsKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  };

  const seal = (value: string, name: string, secretsKey: Buffer | null): string => {
    if (!secretsKey) return PLAIN + value;
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', secretsKey, nonce);
    cipher.setAAD(Buffer.from(name));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return SEALED + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
  };

  return {
    async status(profileId: string) {
      const present = new Set(await keystore.list(keyName(profileId, '')));
      return secretNames.map((name) => ({ name, isSet: present.has(keyName(profileId, name)) }));
    },

    async set(profileId: string, name: SecretName, value: string, secretsKey: Buffer | null): Promise<void> {
      await keystore.set(keyName(profileId, name), seal(value, name, secretsKey));
    },

    /** For the main process's own use (providers); never returned through the contract. */
    async reveal(profileId: string, name: SecretName, secretsKey: Buffer | null): Promise<string | null> {
      const stored = await keystore.get(keyName(profileId, name));
      return stored === null ? null : open(stored, name, secretsKey);
    },

    async clear(profileId: string, name: SecretName): Promise<void> {
      await keystore.delete(keyName(profileId, name));
    },

    async clearAll(profileId: string): Promise<void> {
      for (const name of await keystore.list(keyName(profileId, ''))) await keystore.delete(name);
    },

    /** After a password change by the learner: every secret re-sealed under the new key. */
    async reseal(profileId: string, oldKey: Buffer | null, newKey: Buffer | null): Promise<void> {
      for (const name of secretNames) {
        const stored = await keystore.get(keyName(profileId, name));
        if (stored === null) continue;
        await keystore.set(keyName(profileId, name), seal(open(stored, name, oldKey), name, newKey));
      }
    },
  };
}
