import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import type { WebServer } from '../../src-main/web/server';
import { MAX_UPLOAD_BYTES } from '../../src-shared/web-protocol';
import { makeCore, sampleProfile } from '../support/test-core';
import { startStandInWebServer } from '../support/web-server';

let core: Core;
let server: WebServer;
const token = 'upload-test-token-0123';

beforeEach(async () => {
  core = await makeCore({ logLevel: 'warn' });
  server = await startStandInWebServer(core, token);
});
afterEach(async () => {
  await server.close();
  await core.close();
});

const post = (pathname: string, body: string, headers: Record<string, string> = {}) =>
  fetch(new URL(pathname, server.url), { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body });

async function signedInSession(displayName = 'Ana'): Promise<string> {
  const { sessionId } = (await (await post('/api/session', '{}', { 'content-type': 'application/json' })).json()) as { sessionId: string };
  const created = await post('/api/profiles:create', JSON.stringify({ ...sampleProfile, displayName }), { 'content-type': 'application/json', 'x-parley-session': sessionId });
  expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
  return sessionId;
}

/** Sends only the headers of a huge upload and a few bytes, then reads the answer. */
function declaredHugeUpload(sessionId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL('/api/upload?name=huge.csv', server.url),
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-parley-session': sessionId, 'content-length': String(MAX_UPLOAD_BYTES + 1) } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.write('casa,house\n');
  });
}

describe('uploading a file through the web shell', () => {
  it('streams the body into the file store and answers an id the import preview accepts', async () => {
    const sessionId = await signedInSession();
    const body = 'palabra,traducción\ncasa,house\nniño,child\n';
    const res = await post(`/api/upload?name=${encodeURIComponent('Mis palabras.csv')}`, body, { 'content-type': 'text/csv', 'x-parley-session': sessionId });
    expect(res.status).toBe(200);
    const uploaded = (await res.json()) as { fileId: string; fileName: string; bytes: number };
    expect(uploaded).toEqual({ fileId: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), fileName: 'Mis palabras.csv', bytes: Buffer.byteLength(body) });

    const preview = await post('/api/import:csvPreview', JSON.stringify({ fileId: uploaded.fileId }), { 'content-type': 'application/json', 'x-parley-session': sessionId });
    expect(await preview.json()).toMatchObject({ ok: true, value: { fileName: 'Mis palabras.csv', hasHeader: true, rows: [['casa', 'house'], ['niño', 'child']] } });

    const other = await signedInSession('Bea');
    const theirs = await post('/api/import:csvPreview', JSON.stringify({ fileId: uploaded.fileId }), { 'content-type': 'application/json', 'x-parley-session': other });
    expect(await theirs.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a missing token, a foreign origin, an unknown or signed-out session, and a file past the cap', async () => {
    const sessionId = await signedInSession();
    expect((await post('/api/upload?name=a.csv', 'casa,house', { authorization: '', 'x-parley-session': sessionId })).status).toBe(401);
    expect((await post('/api/upload?name=a.csv', 'casa,house', { origin: 'https://evil.example', 'x-parley-session': sessionId })).status).toBe(403);
    expect((await post('/api/upload?name=a.csv', 'casa,house', { 'x-parley-session': 'made-up' })).status).toBe(401);
    const { sessionId: signedOut } = (await (await post('/api/session', '{}', { 'content-type': 'application/json' })).json()) as { sessionId: string };
    const refused = await post('/api/upload?name=a.csv', 'casa,house', { 'x-parley-session': signedOut });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await declaredHugeUpload(sessionId)).toBe(413);
  });
});
