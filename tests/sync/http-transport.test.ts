import { describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../src-main/providers/sync/http-transport';
import { SyncTransportError } from '../../src-main/providers/sync/transport';

type Call = { method: string; url: string; auth: string | null; body: unknown };

/** A scripted server: each handler answers one request in turn. */
function scripted(handlers: ((call: Call) => Response | Error)[]) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = {
      method: String(init.method),
      url: String(url),
      auth: (init.headers as Record<string, string>).authorization ?? null,
      body: init.body ? JSON.parse(String(init.body)) : null,
    };
    calls.push(call);
    const answer = handlers.shift()!(call);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const error = (status: number, code: string) => json(status, { error: { code, message: code } });
const tokens = (n: number) => ({
  accessToken: `access-${n}`,
  accessExpiresAt: Date.now() + 900_000,
  refreshToken: `refresh-${n}`,
  refreshExpiresAt: Date.now() + 1e9,
});
const emptyPull = { messages: [], hasMore: false, nextAfter: 0, highestSeq: 0 };

describe('the HTTP transport', () => {
  it('refreshes an expired access token once, stores the rotated pair, and retries the call', async () => {
    const server = scripted([
      () => error(401, 'token_expired'),
      () => json(200, tokens(2)),
      () => json(200, emptyPull),
    ]);
    const saved: unknown[] = [];
    const session = createHttpTransport('http://sync.test/', {
      fetch: server.fetch,
      sleep: async () => undefined,
    }).session(tokens(1), async (t) => void saved.push(t));
    expect(await session.pull(0, 100)).toEqual(emptyPull);
    expect(server.calls.map((c) => [c.method, c.url.replace('http://sync.test', ''), c.auth])).toEqual([
      ['GET', '/v1/sync/pull?after=0&limit=100', 'Bearer access-1'],
      ['POST', '/v1/auth/refresh', null],
      ['GET', '/v1/sync/pull?after=0&limit=100', 'Bearer access-2'],
    ]);
    expect(server.calls[1]!.body).toEqual({ refreshToken: 'refresh-1' });
    expect(saved).toEqual(
      [tokens(2)].map((t) => ({ ...t, accessExpiresAt: expect.any(Number), refreshExpiresAt: expect.any(Number) })),
    );
  });

  it('retries with backoff on a busy or failing server, and gives a plain offline error when unreachable', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const busy = scripted([
      () => error(503, 'unavailable'),
      () => error(429, 'rate_limited'),
      () => json(200, emptyPull),
    ]);
    await createHttpTransport('http://sync.test', { fetch: busy.fetch, sleep })
      .session(tokens(1), async () => undefined)
      .pull(0, 10);
    expect(busy.calls).toHaveLength(3);
    expect(waits).toHaveLength(2);

    const down = scripted([() => new TypeError('fetch failed'), () => new TypeError('fetch failed')]);
    const failure = await createHttpTransport('http://sync.test', { fetch: down.fetch, sleep, attempts: 2 })
      .session(tokens(1), async () => undefined)
      .push([{ id: '0190a0b0-0000-7000-8000-000000000000', ciphertext: 'AAAA', size: 3 }])
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncTransportError);
    expect((failure as SyncTransportError).failure).toBe('offline');
  });

  it('reports wrong credentials and a disabled account without retrying, and refuses answers outside the protocol', async () => {
    const server = scripted([
      () => error(401, 'invalid_credentials'),
      () => error(403, 'account_disabled'),
      () => json(200, { nonsense: true }),
    ]);
    const transport = createHttpTransport('http://sync.test', { fetch: server.fetch, sleep: async () => undefined });
    const login = { username: 'ana', password: 'x', deviceName: 'lab' };
    await expect(transport.login(login)).rejects.toMatchObject({ failure: 'invalid_credentials' });
    await expect(transport.login(login)).rejects.toMatchObject({
      failure: 'account_disabled',
      message: 'Your school has disabled this sync account.',
    });
    await expect(transport.login(login)).rejects.toMatchObject({ failure: 'bad_response' });
    expect(server.calls).toHaveLength(3);
  });
});
