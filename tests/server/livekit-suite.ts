import { randomUUID } from 'node:crypto';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../src-shared/sync/protocol';
import type { LivekitGuestResponse, LivekitTokenResponse } from '../../src-shared/sync/livekit-protocol';
import { ADMIN, call, LogSink, startInstancePair, type Backend, type Instance, type InstancePair } from './harness';
import { roomOnlyGrants } from '../voice/livekit-grants';

const LIVEKIT = {
  url: 'wss://livekit.school.example',
  apiKey: 'APIschooltest',
  apiSecret: 'school-livekit-secret-long-enough-for-hs256-0123456789',
};
const WINDOW = 60_000;
const conversation = () => `0190c0de-0000-7000-8000-${randomUUID().slice(-12)}`;
const verify = (token: string) => new TokenVerifier(LIVEKIT.apiKey, LIVEKIT.apiSecret).verify(token);

/**
 * LiveKit tokens from the companion server, run once per backend: instance A has LiveKit, B was started without
 * it; both share one database (the route keeps no state of its own).
 */
export function livekitSuite(backend: Backend) {
  const clock = { now: Date.UTC(2030, 0, 1) };
  const logs = new LogSink();
  let pair: InstancePair;
  let a: Instance;
  let b: Instance;
  let adminToken: string;

  const login = async (base: string, username: string, password: string) => {
    const reply = await call<LoginResponse>(base, 'POST', '/v1/auth/login', {
      body: { username, password, deviceName: 'laptop' },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  const learner = async () => {
    const username = `lk-${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    const created = await call(a.url, 'POST', '/v1/admin/accounts', {
      token: adminToken,
      body: { username, displayName: 'Ana Learner', password },
    });
    expect(created.status).toBe(201);
    return login(a.url, username, password);
  };
  const tokens = (base: string, token: string | undefined, body: unknown) =>
    call<LivekitTokenResponse>(base, 'POST', '/v1/livekit/token', { token, body });
  const guest = (base: string, token: string | undefined, body: unknown) =>
    call<LivekitGuestResponse>(base, 'POST', '/v1/livekit/guest', { token, body });

  beforeAll(async () => {
    const rateLimits = { loginPerUser: 50, loginPerIp: 1000, apiPerAccount: 5, apiPerIp: 100_000 };
    pair = await startInstancePair(backend, { clock, logs, rateLimits, livekitOnA: LIVEKIT });
    ({ a, b } = pair);
  });
  afterAll(() => pair?.close());
  beforeEach(async () => {
    clock.now += WINDOW;
    adminToken = (await login(a.url, ADMIN.username, ADMIN.password)).accessToken;
  });

  describe(`LiveKit tokens from the server on ${backend}`, () => {
    it('mints the learner’s and the tutor’s tokens for a room of the account, with the least grants, for ten minutes', async () => {
      const ana = await learner();
      const conversationId = conversation();
      const before = Math.floor(Date.now() / 1000);
      const reply = await tokens(a.url, ana.accessToken, { conversationId });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      const room = `parley-${ana.accountId}-${conversationId}`;
      expect(reply.body).toMatchObject({
        url: LIVEKIT.url,
        room,
        learner: { identity: `learner-${ana.accountId}`, name: 'Ana Learner' },
        tutor: { identity: `tutor-${ana.accountId}` },
      });
      expect(JSON.stringify(reply.body)).not.toContain(LIVEKIT.apiSecret);
      for (const who of ['learner', 'tutor'] as const) {
        const claims = await verify(reply.body[who].token);
        expect(claims.sub).toBe(reply.body[who].identity);
        expect(claims.iss).toBe(LIVEKIT.apiKey);
        expect(claims.video).toEqual(roomOnlyGrants(room));
        const exp = (claims as { exp: number }).exp;
        expect(exp - before).toBeGreaterThanOrEqual(599);
        expect(exp - before).toBeLessThanOrEqual(601);
        expect(reply.body[who].expiresAt).toBe(exp * 1000);
      }
    });

    it('mints a guest token for the same room: random identity, the given name, an hour, no admin', async () => {
      const ana = await learner();
      const conversationId = conversation();
      const reply = await guest(a.url, ana.accessToken, { conversationId, name: '  Ms. Rivera ' });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.room).toBe(`parley-${ana.accountId}-${conversationId}`);
      expect(reply.body.guest.identity).toMatch(/^guest-[0-9a-f]{16}$/);
      const claims = await verify(reply.body.guest.token);
      expect(claims.name).toBe('Ms. Rivera');
      expect(claims.video).toMatchObject({
        room: reply.body.room,
        roomJoin: true,
        canPublish: true,
        canSubscribe: true,
        roomAdmin: false,
        roomCreate: false,
      });
      const exp = (claims as { exp: number }).exp;
      expect(exp * 1000 - Date.now()).toBeGreaterThan(59 * 60_000);
      expect(exp * 1000 - Date.now()).toBeLessThanOrEqual(60 * 60_000 + 1000);
      const other = await guest(a.url, ana.accessToken, { conversationId, name: 'Partner' });
      expect(other.body.guest.identity).not.toBe(reply.body.guest.identity);
    });

    it('gives no token without a valid sign-in, nor for a malformed request', async () => {
      const conversationId = conversation();
      expect((await tokens(a.url, undefined, { conversationId })).status).toBe(401);
      expect((await tokens(a.url, 'nonsense', { conversationId })).body).toMatchObject({
        error: { code: 'unauthorized' },
      });
      expect((await guest(a.url, undefined, { conversationId, name: 'x' })).status).toBe(401);
      const ana = await learner();
      expect((await tokens(a.url, ana.accessToken, { conversationId: 'not-a-uuid' })).status).toBe(400);
      expect((await tokens(a.url, ana.accessToken, { conversationId, room: 'parley-someone-else' })).status).toBe(400);
      expect((await guest(a.url, ana.accessToken, { conversationId, name: '   ' })).status).toBe(400);
    });

    it('never gives one account a room of another, whatever conversation id it sends', async () => {
      const ana = await learner();
      const ben = await learner();
      const conversationId = conversation();
      const anaRoom = (await tokens(a.url, ana.accessToken, { conversationId })).body.room;
      const benReply = await tokens(a.url, ben.accessToken, { conversationId });
      expect(benReply.body.room).toBe(`parley-${ben.accountId}-${conversationId}`);
      expect(benReply.body.room).not.toBe(anaRoom);
      expect((await verify(benReply.body.learner.token)).video?.room).not.toBe(anaRoom);
      expect((await guest(a.url, ben.accessToken, { conversationId, name: 'x' })).body.room).not.toBe(anaRoom);
    });

    it('says plainly when the server has no LiveKit (404), after checking the sign-in', async () => {
      const ana = await learner();
      expect((await tokens(b.url, undefined, { conversationId: conversation() })).status).toBe(401);
      const reply = await tokens(b.url, ana.accessToken, { conversationId: conversation() });
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ error: { code: 'not_found', message: expect.stringMatching(/LIVEKIT_URL/) } });
      expect((await guest(b.url, ana.accessToken, { conversationId: conversation(), name: 'x' })).status).toBe(404);
    });

    it('is rate-limited per account like the sync routes (429 with Retry-After)', async () => {
      const ana = await learner();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1)
        statuses.push((await tokens(a.url, ana.accessToken, { conversationId: conversation() })).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const limited = await tokens(a.url, ana.accessToken, { conversationId: conversation() });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('never logs a LiveKit token or the secret', () => {
      expect(logs.text).not.toContain(LIVEKIT.apiSecret);
      expect(logs.text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    });
  });
}
