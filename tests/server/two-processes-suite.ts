import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoginResponse, PushResponse } from '../../src-shared/sync/protocol';
import { call, createTestDatabase, type Backend, type TestDatabase } from './harness';
import { startServerProcess, type ServerProcess } from './processes';
import path from 'node:path';

/**
 * Two real `npm run server` processes on one database: the first run prints a setup code, the admin made through
 * one process signs in on the other, and concurrent pushes through both get dense seqs.
 */
export function twoProcessesSuite(backend: Backend) {
  const running: ServerProcess[] = [];
  let database: TestDatabase | undefined;

  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await database?.drop();
  });

  describe(`two server processes on ${backend}`, () => {
    it('share accounts, tokens, rate limits and seqs through the database alone', async () => {
      database = await createTestDatabase(backend);
      const env: Record<string, string> = database.config.databaseUrl
        ? { DATABASE_URL: database.config.databaseUrl }
        : { PARLEY_SERVER_DATA: path.dirname(database.config.sqliteFile) };
      const first = await startServerProcess({ ...env, PARLEY_RATE_LOGIN_PER_USER: '3' });
      running.push(first);
      const code = /One-time setup code: (\S+)/.exec(first.output())?.[1];
      expect(code).toBeTruthy();
      const admin = { username: 'teacher', password: `pw-${randomUUID()}` };
      expect((await call(first.url, 'POST', '/v1/setup', { body: { setupCode: 'wrong-code', ...admin } })).status).toBe(401);
      expect((await call(first.url, 'POST', '/v1/setup', { body: { setupCode: code, ...admin } })).status).toBe(201);
      expect((await call(first.url, 'POST', '/v1/setup', { body: { setupCode: code, ...admin } })).status).toBe(409);

      const second = await startServerProcess({ ...env, PARLEY_RATE_LOGIN_PER_USER: '3' });
      running.push(second);
      expect(second.output()).not.toContain('setup code');
      const loginAt = Date.now();
      const login = await call<LoginResponse>(second.url, 'POST', '/v1/auth/login', { body: { ...admin, deviceName: 'lab-1' } });
      expect(login.status).toBe(200);
      const token = login.body.accessToken;
      expect((await call(first.url, 'GET', '/v1/me', { token })).body).toMatchObject({ username: 'teacher', role: 'admin' });

      const batches = Array.from({ length: 10 }, () =>
        Array.from({ length: 4 }, () => ({ id: randomUUID(), ciphertext: randomBytes(30).toString('base64'), size: 30 })),
      );
      const replies = await Promise.all(
        batches.map((messages, i) => call<PushResponse>(i % 2 ? first.url : second.url, 'POST', '/v1/sync/push', { token, body: { messages } })),
      );
      const seqs = replies.flatMap((r) => r.body.accepted.map((x) => x.seq)).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

      // Three attempts per username a minute, counted in the database: the sign-in above and two wrong attempts
      // (one on each process) use them up, so the next one is refused whichever process gets it.
      const wrong = { username: 'teacher', password: 'not-the-password', deviceName: 'x' };
      const window = (t: number) => Math.floor(t / 60_000);
      const startedIn = window(loginAt);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await call(i % 2 ? first.url : second.url, 'POST', '/v1/auth/login', { body: wrong })).status);
      if (window(Date.now()) === startedIn) expect(statuses).toEqual([401, 401, 429]);
      else console.warn('two-process rate-limit check skipped: the attempts straddled a minute boundary');

      const logs = first.output() + second.output();
      expect(logs).not.toContain(admin.password);
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(login.body.refreshToken);
    });
  });
}
