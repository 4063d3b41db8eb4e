import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../src-main/core';
import type { WebServer } from '../../src-main/web/server';
import { startMockOpenAI, type MockOpenAI } from '../support/mock-openai/server';
import { makeCore, sampleProfile } from '../support/test-core';
import { startStandInWebServer } from '../support/web-server';
import { FAST_TUNING, clientId } from './tutor-fixture';

let core: Core;
let server: WebServer;
let mock: MockOpenAI;
const token = 'tutor-test-token-0123456789';

beforeEach(async () => {
  mock = await startMockOpenAI();
  core = await makeCore({ llmOptions: { tuning: FAST_TUNING, localServers: [] } });
  server = await startStandInWebServer(core, token);
});
afterEach(async () => {
  await server.close();
  await core.close();
  await mock.close();
});

async function tab() {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const { sessionId } = (await (await fetch(`${server.url}api/session`, { method: 'POST', headers, body: '{}' })).json()) as { sessionId: string };
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const res = await fetch(`${server.url}api/${channel}`, { method: 'POST', headers: { ...headers, 'x-parley-session': sessionId }, body: JSON.stringify(input) });
    const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!envelope.ok) throw new Error(envelope.error!.message);
    return envelope.value;
  };
  const frames: { name: string; payload: Record<string, unknown> }[] = [];
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}events?token=${token}&session=${sessionId}`);
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { sessionId, call, frames, close: () => ws.close() };
}

async function until(check: () => boolean, ms = 3_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('tutor events through the web shell', () => {
  it('streams deltas and done over the WebSocket to the tabs of the same profile only', async () => {
    const ana = await tab();
    const { profile } = await ana.call<{ profile: { id: string } }>('profiles:create', sampleProfile);
    const anaTwo = await tab();
    await anaTwo.call('profiles:signIn', { profileId: profile.id });
    const bob = await tab();
    await bob.call('profiles:create', { ...sampleProfile, displayName: 'Bob' });
    await ana.call('llm:saveConfig', { primary: { kind: 'openai-compatible', baseUrl: mock.baseUrl, conversationModel: 'mock-chat', analysisModel: 'mock-analysis' }, fallback: null });
    const { conversation } = await ana.call<{ conversation: { id: string } }>('tutor:start', { scenarioId: null });
    mock.script({ kind: 'chat', text: 'Uno dos tres.', chunkDelayMs: 5 });
    const sent = await ana.call<{ replyMessageId: string }>('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: clientId() });
    for (const t of [ana, anaTwo]) await until(() => t.frames.some((f) => f.name === 'tutor:done'));
    await until(() => ana.frames.some((f) => f.name === 'tutor:correction'));
    const deltas = ana.frames.filter((f) => f.name === 'tutor:delta');
    expect(deltas.map((f) => f.payload.text).join('')).toBe('Uno dos tres.');
    expect(deltas.every((f) => f.payload.messageId === sent.replyMessageId)).toBe(true);
    expect(anaTwo.frames.filter((f) => f.name === 'tutor:delta')).toHaveLength(deltas.length);
    expect(bob.frames.filter((f) => f.name.startsWith('tutor:'))).toEqual([]);
    for (const t of [ana, anaTwo, bob]) t.close();
  });
});
