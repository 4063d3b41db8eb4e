import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src-main/security/csp';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerAppScheme, respond, serveRenderer } = await import('../../src-main/electron/protocol');

let root: string;
let rendererDir: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'parley-protocol-'));
  rendererDir = path.join(root, 'out', 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parley</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'main.js'), 'console.log(1)');
  // A file just outside the renderer folder that traversal would reach.
  writeFileSync(path.join(root, 'out', 'secret.txt'), 'outside');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const get = (url: string, method = 'GET') => respond(rendererDir, new Request(url, { method }));

describe('the app:// protocol', () => {
  it('registers app as a standard, secure scheme that supports fetch, and serves it', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    serveRenderer(rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves index.html with the strict CSP', async () => {
    const response = await get('app://parley/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Parley</title>');
    // 'wasm-unsafe-eval' (compiling the app's own WebAssembly) is allowed; 'unsafe-eval' and 'unsafe-inline' never.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-(eval|inline)'/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('serves / as index.html, assets with their type, and nothing that is not a file', async () => {
    expect(await (await get('app://parley/')).text()).toContain('Parley');
    expect((await get('app://parley/decks/today')).status).toBe(404);
    expect((await get('app://parley/assets')).status).toBe(404);
    const script = await get('app://parley/assets/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://parley/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://parley/../../etc/passwd',
    'app://parley/%2e%2e/%2e%2e/etc/passwd',
    'app://parley/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://parley/..%2fsecret.txt',
    'app://parley/assets/..%5c..%5csecret.txt',
    'app://parley/%00index.html',
    'app://parley/%E0%A4%A',
  ])('refuses %s, with the CSP still on the answer', async (url) => {
    const response = await get(url);
    expect(response.status).not.toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const body = await response.text();
    expect(body).not.toContain('root:');
    expect(body).not.toContain('outside');
  });

  it('answers only its own host and only GET and HEAD', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://parley/index.html', 'POST')).status).toBe(405);
    const head = await get('app://parley/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('puts the policy of the moment on each answer when the shell passes the core’s', async () => {
    let policy = CONTENT_SECURITY_POLICY;
    const served = (url: string) => respond(rendererDir, new Request(url), () => policy);
    expect((await served('app://parley/index.html')).headers.get('content-security-policy')).toBe(
      CONTENT_SECURITY_POLICY,
    );
    policy = contentSecurityPolicy(['wss://livekit.school.example']);
    expect((await served('app://parley/index.html')).headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://livekit.school.example wss://livekit.school.example;",
    );
    expect((await served('app://parley/missing.js')).headers.get('content-security-policy')).toBe(policy);
  });
});
