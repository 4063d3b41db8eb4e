import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { hashPassword } from './auth/passwords';
import { hashToken, newSecret } from './auth/tokens';
import type { ServerConfig } from './config';
import type { Store } from './store/store';

export const SETUP_CODE_SETTING = 'setup_code_sha256';
const TOKEN_SECRET_SETTING = 'access_token_secret';

/** The HMAC secret for access tokens: created by the first instance, read by every other. */
export async function tokenSecret(store: Store): Promise<Buffer> {
  return Buffer.from(await store.ensureSetting(TOKEN_SECRET_SETTING, newSecret), 'base64');
}

/**
 * First run: an administrator from PARLEY_ADMIN_PASSWORD, or else a one-time setup code printed on the console
 * (not in the logs) for POST /v1/setup. Returns the code when one was made.
 */
export async function ensureAdmin(store: Store, config: ServerConfig, log: FastifyBaseLogger): Promise<string | null> {
  if ((await store.countAdmins()) > 0) return null;
  if (config.adminPassword) {
    const passwordHash = await hashPassword(config.adminPassword, config.passwordCost);
    const created = await store.createAccount({
      id: randomUUID(),
      username: config.adminUsername,
      displayName: 'Administrator',
      role: 'admin',
      passwordHash,
      createdAt: Date.now(),
    });
    log.info({ event: 'admin_created', username: config.adminUsername, created }, 'administrator account ready');
    return null;
  }
  const code = randomBytes(9).toString('base64url');
  await store.setSetting(SETUP_CODE_SETTING, hashToken(code));
  log.warn({ event: 'setup_code' }, 'no administrator yet: a one-time setup code was printed on the console');
  return code;
}
