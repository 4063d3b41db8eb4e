import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from './config';
import { HttpError } from './errors';
import { readAccessToken } from './auth/tokens';
import { enforce, limitsFor, type Limit } from './rate-limit';
import type { SessionAccess, Store } from './store/store';

/** What every route needs: the store, the configuration, the token secret and the clock (tests move it). */
export interface Context {
  store: Store;
  config: ServerConfig;
  secret: Buffer;
  now: () => number;
  limits: ReturnType<typeof limitsFor>;
  rate(checks: Limit[]): Promise<void>;
  authenticate(request: FastifyRequest): Promise<SessionAccess>;
  requireAdmin(request: FastifyRequest): Promise<SessionAccess>;
}

export function createContext(store: Store, config: ServerConfig, secret: Buffer, now: () => number): Context {
  const limits = limitsFor(config.rateLimits);
  const rate = (checks: Limit[]) => enforce(store, config.rateLimits, now(), checks);

  async function authenticate(request: FastifyRequest): Promise<SessionAccess> {
    const header = request.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ') ? readAccessToken(secret, header.slice(7).trim()) : null;
    if (!claims) {
      await rate([limits.ip(request.ip)]);
      throw new HttpError('unauthorized', 'Sign in first: this request has no valid access token.');
    }
    if (claims.expiresAt <= now()) throw new HttpError('token_expired', 'The access token expired: refresh it.');
    const session = await store.getSession(claims.sessionId);
    if (session?.disabled) throw new HttpError('account_disabled', 'This account is disabled. Ask your school.');
    if (!session || session.revoked || session.expiresAt <= now()) {
      throw new HttpError('unauthorized', 'This sign-in has ended: sign in again.');
    }
    await rate([limits.ip(request.ip), limits.account(session.accountId)]);
    return session;
  }

  async function requireAdmin(request: FastifyRequest) {
    const session = await authenticate(request);
    if (session.role !== 'admin') throw new HttpError('forbidden', 'Only an administrator can do this.');
    return session;
  }

  return { store, config, secret, now, limits, rate, authenticate, requireAdmin };
}
