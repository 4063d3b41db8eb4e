import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LoginResponse, PullResponse, PushResponse } from '../../src-shared/sync/protocol';
import { ADMIN, call, LogSink, startInstancePair, type Backend, type Instance, type InstancePair } from './harness';

const WINDOW = 60_000;
const secrets: string[] = [ADMIN.password];

const message = (bytes = 64) => {
  const ciphertext = randomBytes(bytes).toString('base64');
  secrets.push(ciphertext);
  return { id: randomUUID(), ciphertext, size: bytes };
};

/**
 * The server suite, run once per backend: two instances (A and B) share one database, so every test that talks to
 * both also checks the server keeps no state of its own. The clock starts a fresh rate-limit window per test.
 */
export function serverSuite(backend: Backend) {
  const clock = { now: Date.UTC(2030, 0, 1) };
  const logs = new LogSink();
  let pair: InstancePair;
  let a: Instance;
  let b: Instance;
  let adminToken: string;

  const login = async (base: string, username: string, password: string, deviceName = 'laptop') => {
    const reply = await call<LoginResponse>(base, 'POST', '/v1/auth/login', { body: { username, password, deviceName } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    secrets.push(reply.body.accessToken, reply.body.refreshToken);
    return reply.body;
  };

  const learner = async (prefix = 'learner') => {
    const username = `${prefix}-${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    secrets.push(password);
    const created = await call(a.url, 'POST', '/v1/admin/accounts', { token: adminToken, body: { username, displayName: 'Ana Learner', password } });
    expect(created.status).toBe(201);
    return { username, password, accountId: (created.body.account as { accountId: string }).accountId };
  };

  const push = (base: string, token: string, messages: unknown[]) => call<PushResponse>(base, 'POST', '/v1/sync/push', { token, body: { messages } });
  const pull = (base: string, token: string, after = 0, limit?: number) =>
    call<PullResponse>(base, 'GET', `/v1/sync/pull?after=${after}${limit ? `&limit=${limit}` : ''}`, { token });

  beforeAll(async () => {
    const rateLimits = { loginPerUser: 5, loginPerIp: 1000, apiPerAccount: 80, apiPerIp: 100_000 };
    pair = await startInstancePair(backend, { clock, logs, rateLimits });
    ({ a, b } = pair);
  });

  afterAll(() => pair?.close());

  beforeEach(async () => {
    clock.now += WINDOW;
    adminToken = (await login(a.url, ADMIN.username, ADMIN.password)).accessToken;
  });

  describe(`sync server on ${backend}`, () => {
    it('answers /health', async () => {
      const reply = await call(b.url, 'GET', '/health');
      expect(reply).toMatchObject({ status: 200, body: { status: 'ok', protocol: 1 } });
    });

    it('refuses sync calls without a valid token', async () => {
      const none = await call(a.url, 'GET', '/v1/sync/pull');
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ error: { code: 'unauthorized' } });
      const garbage = await call(a.url, 'POST', '/v1/sync/push', { token: 'nonsense', body: { messages: [message()] } });
      expect(garbage.status).toBe(401);
      const session = await login(a.url, ADMIN.username, ADMIN.password);
      const [prefix, payload] = session.accessToken.split('.');
      const forged = `${prefix}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      expect((await call(b.url, 'GET', '/v1/keys', { token: forged })).status).toBe(401);
    });

    it('turns an expired access token away with token_expired, and a refresh brings it back', async () => {
      const user = await learner();
      const session = await login(a.url, user.username, user.password);
      expect((await pull(a.url, session.accessToken)).status).toBe(200);
      clock.now += 16 * 60_000;
      const expired = await pull(b.url, session.accessToken);
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ error: { code: 'token_expired' } });
      const refreshed = await call<LoginResponse>(b.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
      expect(refreshed.status).toBe(200);
      secrets.push(refreshed.body.accessToken, refreshed.body.refreshToken);
      expect((await pull(a.url, refreshed.body.accessToken)).status).toBe(200);
    });

    it('rotates refresh tokens: a spent one is refused and ends the session', async () => {
      const user = await learner();
      const session = await login(a.url, user.username, user.password);
      const first = await call<LoginResponse>(a.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
      expect(first.status).toBe(200);
      secrets.push(first.body.accessToken, first.body.refreshToken);
      expect(first.body.refreshToken).not.toBe(session.refreshToken);
      const replay = await call(b.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
      expect(replay.status).toBe(401);
      const stolenToo = await call(a.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
      expect(stolenToo.status).toBe(401);
      expect((await pull(a.url, first.body.accessToken)).status).toBe(401);
    });

    it('logs out: the refresh and access tokens stop working', async () => {
      const user = await learner();
      const session = await login(a.url, user.username, user.password);
      expect((await call(b.url, 'POST', '/v1/auth/logout', { body: { refreshToken: session.refreshToken } })).status).toBe(204);
      expect((await pull(a.url, session.accessToken)).status).toBe(401);
      expect((await call(a.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    });

    it("never shows one account another account's messages or key", async () => {
      const ana = await learner('ana');
      const ben = await learner('ben');
      const anaSession = await login(a.url, ana.username, ana.password);
      const benSession = await login(b.url, ben.username, ben.password);
      const pushed = message(48);
      expect((await push(a.url, anaSession.accessToken, [pushed])).status).toBe(200);
      const kdf = { algorithm: 'scrypt', salt: randomBytes(16).toString('base64'), N: 2 ** 17, r: 8, p: 1 };
      await call(a.url, 'PUT', '/v1/keys', { token: anaSession.accessToken, body: { expectedVersion: 0, wrappedKey: randomBytes(60).toString('base64'), kdf } });

      const benPull = await pull(b.url, benSession.accessToken);
      expect(benPull.body).toMatchObject({ messages: [], highestSeq: 0, hasMore: false });
      expect((await call(b.url, 'GET', '/v1/keys', { token: benSession.accessToken })).body).toEqual({ key: null });
      // Ben pushing Ana's message id stores a message of his own; Ana's is untouched.
      const benPush = await push(b.url, benSession.accessToken, [{ ...message(8), id: pushed.id }]);
      expect(benPush.body.accepted[0]).toMatchObject({ seq: 1, duplicate: false });
      const anaPull = await pull(a.url, anaSession.accessToken);
      expect(anaPull.body.messages.map((m) => m.ciphertext)).toEqual([pushed.ciphertext]);
      expect(anaPull.body.messages[0]!.deviceId).toBe(anaSession.deviceId);
      const ids = JSON.stringify(anaPull.body) + JSON.stringify(benPull.body);
      expect(ids).not.toContain(benSession.deviceId);
    });

    it('refuses tampered or malformed pushes with 400 and stores nothing of them', async () => {
      const user = await learner();
      const { accessToken } = await login(a.url, user.username, user.password);
      const good = message(32);
      const bad = [
        [good, { ...message(32), size: 31 }],
        [{ ...good, ciphertext: '!!!notbase64' }],
        [{ ...good, extra: 'field' }],
        [{ ...good, id: 'not-a-uuid' }],
        Array.from({ length: 1001 }, () => message(4)),
      ];
      for (const messages of bad) {
        const reply = await push(a.url, accessToken, messages);
        expect(reply.status).toBe(400);
        expect(reply.body).toMatchObject({ error: { code: 'bad_request' } });
      }
      expect((await call(a.url, 'POST', '/v1/sync/push', { token: accessToken, raw: '{"messages": [' })).status).toBe(400);
      expect((await call(a.url, 'POST', '/v1/sync/push', { token: accessToken, raw: 'x', contentType: 'text/plain' })).status).toBe(415);
      expect((await pull(a.url, accessToken)).body.highestSeq).toBe(0);
    });

    it('refuses oversized payloads with 413', async () => {
      const user = await learner();
      const { accessToken } = await login(a.url, user.username, user.password);
      const huge = { ...message(8), ciphertext: 'A'.repeat(9 * 1024 * 1024) };
      const reply = await push(a.url, accessToken, [huge]);
      expect(reply.status).toBe(413);
      expect(reply.body).toMatchObject({ error: { code: 'payload_too_large' } });
      const oneTooBig = { ...message(8), ciphertext: 'A'.repeat(((256 * 1024) / 3 + 4) * 4), size: 256 * 1024 + 12 };
      expect((await push(a.url, accessToken, [oneTooBig])).status).toBe(400);
    });

    it('stores a re-pushed message once and answers with its first seq', async () => {
      const user = await learner();
      const { accessToken } = await login(a.url, user.username, user.password);
      const batch = [message(), message(), message()];
      const first = await push(a.url, accessToken, batch);
      expect(first.body.accepted.map((x) => [x.seq, x.duplicate])).toEqual([[1, false], [2, false], [3, false]]);
      const again = await push(b.url, accessToken, [batch[1], message(), batch[1]]);
      expect(again.body.accepted.map((x) => [x.seq, x.duplicate])).toEqual([[2, true], [4, false], [2, true]]);
      expect(again.body.highestSeq).toBe(4);
      expect((await pull(a.url, accessToken)).body.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    });

    it('pulls in pages that resume from nextAfter, cut by count and by bytes', async () => {
      const user = await learner();
      const { accessToken } = await login(a.url, user.username, user.password);
      const small = Array.from({ length: 25 }, () => message(16));
      await push(a.url, accessToken, small);
      const seen: string[] = [];
      let after = 0;
      let pages = 0;
      for (;;) {
        const page = await pull(pages % 2 ? a.url : b.url, accessToken, after, 10);
        expect(page.status).toBe(200);
        seen.push(...page.body.messages.map((m) => m.ciphertext));
        expect(page.body.highestSeq).toBe(25);
        after = page.body.nextAfter;
        pages += 1;
        if (!page.body.hasMore) break;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(small.map((m) => m.ciphertext));
      expect((await pull(a.url, accessToken, 25)).body).toMatchObject({ messages: [], hasMore: false, nextAfter: 25 });

      const big = Array.from({ length: 20 }, () => message(250 * 1024));
      for (let i = 0; i < big.length; i += 5) await push(a.url, accessToken, big.slice(i, i + 5));
      const page = await pull(b.url, accessToken, 25, 100);
      expect(page.body.messages.length).toBe(16);
      expect(page.body).toMatchObject({ hasMore: true, nextAfter: 41, highestSeq: 45 });
    });

    it('keeps the wrapped key with optimistic versions', async () => {
      const user = await learner();
      const { accessToken } = await login(a.url, user.username, user.password);
      const kdf = { algorithm: 'scrypt', salt: randomBytes(16).toString('base64'), N: 2 ** 17, r: 8, p: 1 };
      const wrappedKey = randomBytes(60).toString('base64');
      expect((await call(a.url, 'GET', '/v1/keys', { token: accessToken })).body).toEqual({ key: null });
      const first = await call(a.url, 'PUT', '/v1/keys', { token: accessToken, body: { expectedVersion: 0, wrappedKey, kdf } });
      expect(first.body).toMatchObject({ key: { version: 1, wrappedKey, kdf } });
      const lost = await call(b.url, 'PUT', '/v1/keys', { token: accessToken, body: { expectedVersion: 0, wrappedKey: 'AAAA', kdf } });
      expect(lost.status).toBe(409);
      expect(lost.body).toMatchObject({ error: { code: 'version_conflict' } });
      const second = await call(b.url, 'PUT', '/v1/keys', { token: accessToken, body: { expectedVersion: 1, wrappedKey: 'AAAA', kdf } });
      expect(second.body).toMatchObject({ key: { version: 2, wrappedKey: 'AAAA' } });
      expect((await call(a.url, 'GET', '/v1/keys', { token: accessToken })).body).toMatchObject({ key: { version: 2 } });
    });

    it('rate-limits logins per username across both instances, with Retry-After', async () => {
      const user = await learner();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const reply = await call(i % 2 ? a.url : b.url, 'POST', '/v1/auth/login', { body: { username: user.username, password: 'wrong-password', deviceName: 'x' } });
        statuses.push(reply.status);
        if (reply.status === 429) {
          expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(reply.body).toMatchObject({ error: { code: 'rate_limited' } });
        }
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      clock.now += WINDOW;
      expect((await call(a.url, 'POST', '/v1/auth/login', { body: { username: user.username, password: user.password, deviceName: 'x' } })).status).toBe(200);
    });

    it('rate-limits each account across both instances', async () => {
      const user = await learner();
      const { accessToken } = await login(a.url, user.username, user.password);
      const replies = await Promise.all(Array.from({ length: 90 }, (_, i) => pull(i % 2 ? a.url : b.url, accessToken)));
      const limited = replies.filter((r) => r.status === 429);
      expect(limited.length).toBe(10);
      expect(replies.filter((r) => r.status === 200).length).toBe(80);
      expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('gives concurrent pushes to two instances dense, unique seqs', async () => {
      const user = await learner();
      const laptop = await login(a.url, user.username, user.password, 'laptop');
      const desktop = await login(b.url, user.username, user.password, 'desktop');
      const batches = Array.from({ length: 12 }, () => [message(), message(), message()]);
      const replies = await Promise.all(
        batches.map((batch, i) => push(i % 2 ? a.url : b.url, i % 3 ? laptop.accessToken : desktop.accessToken, batch)),
      );
      const seqs = replies.flatMap((r) => r.body.accepted.map((x) => x.seq)).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
      const pulled = await pull(a.url, laptop.accessToken);
      expect(new Set(pulled.body.messages.map((m) => m.deviceId))).toEqual(new Set([laptop.deviceId, desktop.deviceId]));
    });

    it('keeps a device id across logins when the device sends it back', async () => {
      const user = await learner();
      const first = await login(a.url, user.username, user.password);
      const again = await call<LoginResponse>(b.url, 'POST', '/v1/auth/login', {
        body: { username: user.username, password: user.password, deviceName: 'laptop', deviceId: first.deviceId },
      });
      secrets.push(again.body.accessToken, again.body.refreshToken);
      expect(again.body.deviceId).toBe(first.deviceId);
      const other = await learner();
      const stolen = await call<LoginResponse>(a.url, 'POST', '/v1/auth/login', {
        body: { username: other.username, password: other.password, deviceName: 'x', deviceId: first.deviceId },
      });
      secrets.push(stolen.body.accessToken, stolen.body.refreshToken);
      expect(stolen.body.deviceId).not.toBe(first.deviceId);
    });

    it('shuts disabled accounts out with 403 until they are enabled again', async () => {
      const user = await learner();
      const session = await login(a.url, user.username, user.password);
      expect((await call(a.url, 'POST', `/v1/admin/accounts/${user.accountId}/disable`, { token: adminToken })).status).toBe(204);
      const sync = await pull(b.url, session.accessToken);
      expect(sync.status).toBe(403);
      expect(sync.body).toMatchObject({ error: { code: 'account_disabled' } });
      expect((await call(a.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(403);
      const relogin = await call(b.url, 'POST', '/v1/auth/login', { body: { username: user.username, password: user.password, deviceName: 'x' } });
      expect(relogin.status).toBe(403);
      expect(relogin.body).toMatchObject({ error: { code: 'account_disabled' } });
      expect((await call(b.url, 'POST', `/v1/admin/accounts/${user.accountId}/enable`, { token: adminToken })).status).toBe(204);
      const back = await login(a.url, user.username, user.password);
      expect((await pull(a.url, back.accessToken)).status).toBe(200);
      // Disabling ended the old sign-in for good: enabling does not bring it back.
      expect((await pull(a.url, session.accessToken)).status).toBe(401);
    });

    it('gives a disabled account 403 even with a token minted before', async () => {
      const user = await learner();
      const session = await login(a.url, user.username, user.password);
      await a.store.setDisabled(user.accountId, true);
      const reply = await pull(b.url, session.accessToken);
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ error: { code: 'account_disabled' } });
    });

    it('keeps admin endpoints for admins', async () => {
      const user = await learner();
      const { accessToken } = await login(a.url, user.username, user.password);
      const attempts: [string, string, unknown][] = [
        ['GET', '/v1/admin/accounts', undefined],
        ['POST', '/v1/admin/accounts', { username: 'sneaky', displayName: 'S', password: 'password123' }],
        ['POST', '/v1/admin/accounts/import', { csv: 'a,b-user,password123' }],
        ['POST', `/v1/admin/accounts/${user.accountId}/reset-password`, { password: 'password123' }],
        ['POST', `/v1/admin/accounts/${user.accountId}/disable`, undefined],
      ];
      for (const [method, route, body] of attempts) {
        expect((await call(b.url, method, route, { token: accessToken, body })).status).toBe(403);
        expect((await call(b.url, method, route, { body })).status).toBe(401);
      }
      expect(await a.store.findAccountByUsername('sneaky')).toBeNull();
      const list = await call<{ accounts: { username: string }[] }>(a.url, 'GET', '/v1/admin/accounts?limit=500', { token: adminToken });
      expect(list.body.accounts.map((x) => x.username)).toContain(user.username);
    });

    it('imports a class CSV, creating good rows and reporting bad ones by line', async () => {
      const taken = await learner();
      const tag = randomUUID().slice(0, 6);
      const csv = [
        'name,username,password',
        `Ana Díaz,ana-${tag},first-pass-1`,
        `Ben Okafor,BEN-${tag},second-pass-2`,
        `No Password,nopw-${tag},`,
        `Bad User,bad user ${tag},third-pass-3`,
        `Short,short-${tag},abc`,
        `Dup,ana-${tag},fourth-pass-4`,
        `Taken,${taken.username},fifth-pass-5`,
      ].join('\n');
      const reply = await call<{ created: { line: number; username: string }[]; errors: { line: number; code: string }[] }>(
        a.url,
        'POST',
        '/v1/admin/accounts/import',
        { token: adminToken, body: { csv } },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.created.map((c) => [c.line, c.username])).toEqual([[2, `ana-${tag}`], [3, `ben-${tag}`]]);
      expect(reply.body.errors.map((e) => [e.line, e.code])).toEqual([
        [4, 'missing_field'],
        [5, 'bad_username'],
        [6, 'bad_password'],
        [7, 'duplicate_in_file'],
        [8, 'username_taken'],
      ]);
      await login(b.url, `ben-${tag}`, 'second-pass-2');
    });

    it('resets a password: the old one and every session stop working', async () => {
      const user = await learner();
      const session = await login(a.url, user.username, user.password);
      const reset = await call(b.url, 'POST', `/v1/admin/accounts/${user.accountId}/reset-password`, { token: adminToken, body: { password: 'brand-new-pass' } });
      expect(reset.status).toBe(204);
      expect((await pull(a.url, session.accessToken)).status).toBe(401);
      expect((await call(a.url, 'POST', '/v1/auth/login', { body: { username: user.username, password: user.password, deviceName: 'x' } })).status).toBe(401);
      await login(a.url, user.username, 'brand-new-pass');
    });

    it('writes logs that hold no password, token or payload', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(logs.text).toContain('request completed');
      expect(logs.text).toContain('"event":"push"');
      const leaked = secrets.filter((secret) => secret.length >= 8 && logs.text.includes(secret));
      expect(leaked).toEqual([]);
      expect(logs.text).not.toMatch(/pa1\.[A-Za-z0-9_-]{20,}/);
      expect(logs.text).not.toMatch(/pr1\.[A-Za-z0-9_-]{20,}/);
      expect(logs.text.toLowerCase()).not.toContain('bearer');
    });
  });
}
