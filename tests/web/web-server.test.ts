import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../src-main/core';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { MAX_BODY_BYTES } from '../../src-shared/web-protocol';
import { makeCore, sampleProfile, tempDir } from '../support/test-core';

let core: Core;
let server: WebServer;
const token = 'test-token-0123456789';

beforeEach(async () => {
  core = await makeCore();
  const rendererDir = tempDir('parley-renderer-');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parley</title>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ core, rendererDir, port: 0, token });
});
afterEach(async () => {
  await server.close();
  await core.close();
});

const post = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(pathname, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

function statusWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function newSession(): Promise<string> {
  const res = await post('/api/session', {});
  expect(res.status).toBe(200);
  return ((await res.json()) as { sessionId: string }).sessionId;
}

describe('web shell', () => {
  it('prints a loopback address carrying the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.tokenUrl).toBe(`${server.url}#token=${token}`);
  });

  it('serves the renderer with a strict Content-Security-Policy and refuses paths outside it', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect((await fetch(new URL('/assets/app.js', server.url))).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', server.url))).status).toBe(404);
  });

  it('answers contract calls with envelopes for a session', async () => {
    const sessionId = await newSession();
    const res = await post('/api/profiles:create', { ...sampleProfile }, { 'x-parley-session': sessionId });
    const body = (await res.json()) as { ok: boolean; value: { profile: { displayName: string } } };
    expect(body.ok).toBe(true);
    expect(body.value.profile.displayName).toBe('Ana');
    const unknown = await (await post('/api/nope:nothing', {}, { 'x-parley-session': sessionId })).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('keeps each browser session signed in to its own profile', async () => {
    const a = await newSession();
    const b = await newSession();
    await post('/api/profiles:create', { ...sampleProfile }, { 'x-parley-session': a });
    const current = await (await post('/api/profiles:current', {}, { 'x-parley-session': b })).json();
    expect(current).toEqual({ ok: true, value: { profile: null } });
  });

  it('refuses a missing or wrong token, a foreign origin, a foreign host, a huge body and an unknown session', async () => {
    const sessionId = await newSession();
    const headers = { 'x-parley-session': sessionId };
    expect((await post('/api/profiles:list', {}, { ...headers, authorization: '' })).status).toBe(401);
    expect((await post('/api/profiles:list', {}, { ...headers, authorization: 'Bearer wrong-token-0123456' })).status).toBe(401);
    expect((await post('/api/profiles:list', {}, { ...headers, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/api/profiles:list', {}, { 'x-parley-session': 'made-up' })).status).toBe(401);
    expect((await post('/api/profiles:list', 'x'.repeat(MAX_BODY_BYTES + 1024), headers)).status).toBe(413);
    expect((await post('/api/profiles:list', '{not json', headers)).status).toBe(400);
    expect(await statusWithHost('attacker.example')).toBe(421);
    expect(await statusWithHost(`localhost:${server.port}`)).toBe(200);
  });

  it('pushes events over the WebSocket only to the session they are meant for', async () => {
    const admin = await newSession();
    const student = await newSession();
    const bystander = await newSession();
    await post('/api/profiles:create', { ...sampleProfile, makeAdmin: true }, { 'x-parley-session': admin });
    const created = (await (await post('/api/profiles:adminCreate', { ...sampleProfile, displayName: 'Sam' }, { 'x-parley-session': admin })).json()) as {
      value: { profile: { id: string } };
    };
    await post('/api/profiles:signIn', { profileId: created.value.profile.id }, { 'x-parley-session': student });

    const listen = (sessionId: string) => {
      const wsUrl = `${server.url.replace('http', 'ws')}events?token=${token}&session=${sessionId}`;
      const ws = new WebSocket(wsUrl);
      const received: unknown[] = [];
      ws.on('message', (data) => received.push(JSON.parse(String(data))));
      return new Promise<{ ws: WebSocket; received: unknown[] }>((resolve, reject) => {
        ws.once('open', () => resolve({ ws, received }));
        ws.once('error', reject);
      });
    };
    const studentSocket = await listen(student);
    const bystanderSocket = await listen(bystander);
    await post('/api/profiles:delete', { profileId: created.value.profile.id, confirmation: 'Sam' }, { 'x-parley-session': admin });
    await new Promise((r) => setTimeout(r, 100));
    expect(studentSocket.received).toEqual([{ name: 'session:signedOut', payload: { reason: 'deleted' } }]);
    expect(bystanderSocket.received).toEqual([]);
    studentSocket.ws.close();
    bystanderSocket.ws.close();

    const refused = new WebSocket(`${server.url.replace('http', 'ws')}events?token=wrong&session=${student}`);
    await expect(new Promise((_, reject) => refused.once('error', reject))).rejects.toThrow(/401/);
  });
});
