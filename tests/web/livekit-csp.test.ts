import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { EMPTY_VOICE_CONFIG } from '../../src-main/services/voice/voice-config';
import type { WebServer } from '../../src-main/web/server';
import { caller, makeCore, sampleProfile } from '../support/test-core';
import { startStandInWebServer } from '../support/web-server';

let core: Core;
let server: WebServer;
const token = 'test-token-livekit-csp';
// Voice settings as a new profile has them; each test sets its LiveKit server.
const { livekit: _unset, ...voice } = EMPTY_VOICE_CONFIG;
const connectSrc = async () => {
  const res = await fetch(server.url);
  expect(res.status).toBe(200);
  return (res.headers.get('content-security-policy') ?? '').split('; ').find((d) => d.startsWith('connect-src '));
};

beforeEach(async () => {
  core = await makeCore();
  server = await startStandInWebServer(core, token);
});
afterEach(async () => {
  await server.close();
  await core.close();
});

describe('the web shell’s page policy', () => {
  it('names the LiveKit server a profile configured, from the next page served on', async () => {
    expect(await connectSrc()).toBe("connect-src 'self'");
    const learner = caller(core);
    await learner.call('profiles:create', sampleProfile);
    await learner.call('voice:saveConfig', {
      ...voice,
      livekit: { source: 'direct', url: 'wss://livekit.school.example', apiKey: 'APIkey', apiSecret: 'secret' },
    });
    expect(await connectSrc()).toBe("connect-src 'self' https://livekit.school.example wss://livekit.school.example");
    // Turned off: the next page no longer reaches it.
    await learner.call('voice:saveConfig', {
      ...voice,
      livekit: { source: 'off', url: 'wss://livekit.school.example', apiKey: null, apiSecret: null },
    });
    expect(await connectSrc()).toBe("connect-src 'self'");
  });

  it('keeps API answers on the base policy', async () => {
    const learner = caller(core);
    await learner.call('profiles:create', sampleProfile);
    await learner.call('voice:saveConfig', {
      ...voice,
      livekit: { source: 'direct', url: 'wss://livekit.school.example', apiKey: 'APIkey', apiSecret: 'secret' },
    });
    const res = await fetch(new URL('/api/session', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(res.headers.get('content-security-policy')).not.toContain('livekit.school.example');
  });
});
