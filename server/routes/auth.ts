import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  changePasswordRequest,
  endpoints,
  loginRequest,
  logoutRequest,
  refreshRequest,
  tokenLifetimes,
  type LoginResponse,
} from '../../src-shared/sync/protocol';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { hashToken, newRefreshToken, signAccessToken } from '../auth/tokens';
import type { Context } from '../context';
import { HttpError, parse } from '../errors';
import type { SessionAccess } from '../store/store';

export function registerAuthRoutes(app: FastifyInstance, ctx: Context) {
  const { store, limits } = ctx;
  /** Compared against when the username is unknown, so a miss costs as long as a wrong password. */
  const decoy = hashPassword(randomUUID(), ctx.config.passwordCost);

  const tokens = (sessionId: string, refreshToken: string) => {
    const now = ctx.now();
    const accessExpiresAt = now + tokenLifetimes.accessMs;
    return {
      accessToken: signAccessToken(ctx.secret, { sessionId, expiresAt: accessExpiresAt }),
      accessExpiresAt,
      refreshToken,
      refreshExpiresAt: now + tokenLifetimes.refreshMs,
    };
  };

  app.post(endpoints.login.path, async (request): Promise<LoginResponse> => {
    const body = parse(loginRequest, request.body);
    const username = body.username.trim().toLowerCase();
    await ctx.rate([limits.ip(request.ip), limits.loginIp(request.ip), limits.loginUser(username)]);
    const account = await store.findAccountByUsername(username);
    const ok = await verifyPassword(body.password, account?.passwordHash ?? (await decoy));
    if (!account || !ok) throw new HttpError('invalid_credentials', 'Wrong username or password.');
    if (account.disabled) throw new HttpError('account_disabled', 'This account is disabled. Ask your school.');
    const now = ctx.now();
    const deviceId = await store.ensureDevice(account.id, body.deviceId ?? null, randomUUID(), body.deviceName, now);
    const sessionId = randomUUID();
    const refreshToken = newRefreshToken();
    await store.createSession({
      id: sessionId,
      accountId: account.id,
      deviceId,
      refreshHash: hashToken(refreshToken),
      createdAt: now,
      expiresAt: now + tokenLifetimes.refreshMs,
    });
    request.log.info({ event: 'login', accountId: account.id, deviceId }, 'signed in');
    return {
      ...tokens(sessionId, refreshToken),
      accountId: account.id,
      deviceId,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
    };
  });

  app.post(endpoints.refresh.path, async (request) => {
    const body = parse(refreshRequest, request.body);
    await ctx.rate([limits.ip(request.ip), limits.loginIp(request.ip)]);
    const refreshToken = newRefreshToken();
    const now = ctx.now();
    const result = await store.rotateRefresh(hashToken(body.refreshToken), hashToken(refreshToken), now, now + tokenLifetimes.refreshMs);
    if (result.kind === 'unknown') throw new HttpError('unauthorized', 'This sign-in has ended: sign in again.');
    if (result.kind === 'reused') {
      request.log.warn({ event: 'refresh_reuse', sessionId: result.sessionId }, 'spent refresh token presented: session revoked');
      throw new HttpError('unauthorized', 'This sign-in was ended because an old refresh token was used: sign in again.');
    }
    assertUsable(result.session, now + tokenLifetimes.refreshMs);
    return tokens(result.session.sessionId, refreshToken);
  });

  app.post(endpoints.logout.path, async (request, reply) => {
    const body = parse(logoutRequest, request.body);
    await ctx.rate([limits.ip(request.ip), limits.loginIp(request.ip)]);
    const sessionId = await store.findSessionByRefresh(hashToken(body.refreshToken));
    if (sessionId) await store.revokeSession(sessionId, ctx.now());
    return reply.code(204).send();
  });

  app.post(endpoints.changePassword.path, async (request, reply) => {
    const session = await ctx.authenticate(request);
    const body = parse(changePasswordRequest, request.body);
    const account = await store.getAccount(session.accountId);
    if (!account || !(await verifyPassword(body.currentPassword, account.passwordHash))) {
      throw new HttpError('invalid_credentials', 'The current password is not right.');
    }
    await store.setPasswordHash(account.id, await hashPassword(body.newPassword, ctx.config.passwordCost));
    await store.revokeAccountSessions(account.id, ctx.now(), session.sessionId);
    return reply.code(204).send();
  });

  app.get(endpoints.me.path, async (request) => {
    const s = await ctx.authenticate(request);
    return { accountId: s.accountId, deviceId: s.deviceId, username: s.username, displayName: s.displayName, role: s.role };
  });
}

function assertUsable(session: SessionAccess, renewedUntil: number) {
  if (session.disabled) throw new HttpError('account_disabled', 'This account is disabled. Ask your school.');
  if (session.revoked || session.expiresAt !== renewedUntil) throw new HttpError('unauthorized', 'This sign-in has ended: sign in again.');
}
