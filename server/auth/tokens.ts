import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens: `pa1.<payload>.<hmac>` with the session id and expiry, signed with a secret kept in the database
 * so every instance accepts every other's tokens. The session row is still checked on each request, so logout,
 * password resets and disabling take effect at once. Refresh tokens are random and stored only as SHA-256.
 */
export interface AccessClaims {
  sessionId: string;
  expiresAt: number;
}

const ACCESS_PREFIX = 'pa1';
const REFRESH_PREFIX = 'pr1';

const sign = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(`${ACCESS_PREFIX}.${payload}`).digest('base64url');

export function signAccessToken(secret: Buffer, claims: AccessClaims): string {
  const payload = Buffer.from(JSON.stringify({ s: claims.sessionId, e: claims.expiresAt })).toString('base64url');
  return `${ACCESS_PREFIX}.${payload}.${sign(secret, payload)}`;
}

/** Null when the token is malformed or its signature does not match; expiry is the caller's check. */
export function readAccessToken(secret: Buffer, token: string): AccessClaims | null {
  const [prefix, payload, signature, ...rest] = token.split('.');
  if (prefix !== ACCESS_PREFIX || !payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s?: unknown; e?: unknown };
    if (typeof parsed.s !== 'string' || typeof parsed.e !== 'number') return null;
    return { sessionId: parsed.s, expiresAt: parsed.e };
  } catch {
    return null;
  }
}

export const newRefreshToken = () => `${REFRESH_PREFIX}.${randomBytes(32).toString('base64url')}`;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newSecret = () => randomBytes(32).toString('base64');
