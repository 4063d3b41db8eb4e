import { afterEach, describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src-main/policy/loaded-policy';
import { startMockOpenAI } from '../support/mock-openai/server';
import { caller, makeCore, sampleProfile } from '../support/test-core';
import { FAST_TUNING, clientId, settle, tutorFixture, type TutorFixture } from '../tutor/tutor-fixture';

let fx: TutorFixture | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});

const provider = (baseUrl: string, extra: Record<string, unknown> = {}) => ({
  kind: 'openai-compatible' as const,
  baseUrl,
  conversationModel: 'mock-chat',
  analysisModel: 'mock-analysis',
  ...extra,
});

describe('provider settings', () => {
  it('stores the key in the key store and only says that there is one', async () => {
    fx = await tutorFixture({ configure: false });
    const saved = await fx.learner.call('llm:saveConfig', { primary: provider(fx.mock.baseUrl, { apiKey: 'sk-test-123456' }), fallback: null });
    expect(saved.config.primary).toEqual({ ...provider(fx.mock.baseUrl), hasKey: true });
    expect(JSON.stringify(saved)).not.toContain('sk-test-123456');
    const status = await fx.learner.call('secrets:status', {});
    expect(status.secrets.find((s) => s.name === 'llm.apiKey')?.isSet).toBe(true);
    // Saving again without `apiKey` keeps it; null removes it.
    await fx.learner.call('llm:saveConfig', { primary: provider(fx.mock.baseUrl), fallback: null });
    expect((await fx.learner.call('llm:getConfig', {})).config.primary?.hasKey).toBe(true);
    await fx.learner.call('llm:saveConfig', { primary: provider(fx.mock.baseUrl, { apiKey: null }), fallback: null });
    expect((await fx.learner.call('llm:getConfig', {})).config.primary?.hasKey).toBe(false);
  });

  it('refuses a base URL that is not http(s) or carries a password', async () => {
    fx = await tutorFixture({ configure: false });
    for (const baseUrl of ['file:///etc/passwd', 'http://user:pw@localhost:1/v1', 'not a url']) {
      const result = await fx.learner.raw('llm:saveConfig', { primary: provider(baseUrl), fallback: null });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect((await fx.learner.call('llm:getConfig', {})).config.primary).toBeNull();
  });
});

describe('test connection', () => {
  it('lists the models and checks the chosen ones', async () => {
    fx = await tutorFixture();
    const ok = await fx.learner.call('llm:testConnection', {});
    expect(ok).toMatchObject({ ok: true, models: ['mock-analysis', 'mock-chat'], conversationModelFound: true, analysisModelFound: true, problem: null });
    const unknown = await fx.learner.call('llm:testConnection', { provider: provider(fx.mock.baseUrl, { conversationModel: 'gpt-9' }) });
    expect(unknown).toMatchObject({ ok: false, conversationModelFound: false, problem: { code: 'unknown_model' } });
    expect(unknown.models).toContain('mock-chat');
  });

  it('says in plain words when the key is wrong, the server is down or it is not an OpenAI server', async () => {
    fx = await tutorFixture({ apiKey: 'sk-right' });
    const badKey = await fx.learner.call('llm:testConnection', { provider: provider(fx.mock.baseUrl, { apiKey: 'sk-wrong-key' }) });
    expect(badKey.problem).toEqual({ code: 'bad_key', message: 'The server refused the API key. Check the key in the tutor settings.' });
    expect((await fx.learner.call('llm:testConnection', {})).ok).toBe(true);

    const down = await startMockOpenAI();
    await down.close();
    const gone = await fx.learner.call('llm:testConnection', { provider: provider(down.baseUrl) });
    expect(gone.problem?.code).toBe('server_down');

    const notApi = await fx.learner.call('llm:testConnection', { provider: provider(fx.mock.baseUrl.replace(/\/v1$/, '/api'), { apiKey: 'sk-right' }) });
    expect(notApi.problem?.code).toBe('not_compatible');
    expect(notApi.problem?.message).toContain('/v1');
  });
});

describe('detect local servers', () => {
  it('offers a loopback server that answers and skips those that do not', async () => {
    const local = await startMockOpenAI({ knobs: { models: ['llama3.2:3b'] } });
    const dead = await startMockOpenAI();
    await dead.close();
    const core = await makeCore({
      llmOptions: {
        tuning: FAST_TUNING,
        localServers: [
          { kind: 'ollama', probeUrl: local.baseUrl, baseUrl: 'http://localhost:11434/v1' },
          { kind: 'lmstudio', probeUrl: dead.baseUrl, baseUrl: 'http://localhost:1234/v1' },
        ],
      },
    });
    try {
      const learner = caller(core);
      await learner.call('profiles:create', sampleProfile);
      const started = Date.now();
      const { found } = await learner.call('llm:detectLocal', {});
      expect(found).toEqual([{ kind: 'ollama', baseUrl: 'http://localhost:11434/v1', models: ['llama3.2:3b'] }]);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await core.close();
      await local.close();
    }
  });
});

describe('fallback and status', () => {
  it('uses the fallback provider when the primary fails before any text', async () => {
    fx = await tutorFixture();
    const backup = await startMockOpenAI({ knobs: { defaultText: 'Respuesta del respaldo.' } });
    try {
      const down = await startMockOpenAI();
      await down.close();
      await fx.learner.call('llm:saveConfig', { primary: provider(down.baseUrl), fallback: provider(backup.baseUrl) });
      const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
      const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: clientId() });
      const done = await settle(fx, sent.replyMessageId!);
      expect(done).toMatchObject({ status: 'complete', text: 'Respuesta del respaldo.' });
      expect(backup.chatRequests().length).toBeGreaterThanOrEqual(1);
    } finally {
      await backup.close();
    }
  });

  it('reports offline when no provider answers, so the tutor can offer offline practice', async () => {
    fx = await tutorFixture();
    expect(await fx.learner.call('llm:status', { refresh: true })).toMatchObject({ configured: true, online: true, problem: null });
    await fx.mock.close();
    const status = await fx.learner.call('llm:status', { refresh: true });
    expect(status).toMatchObject({ configured: true, online: false, problem: { code: 'server_down' } });
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: clientId() });
    const done = await settle(fx, sent.replyMessageId!);
    expect(done).toMatchObject({ status: 'error', error: { code: 'server_down' } });
    const opened = await fx.learner.call('tutor:open', { conversationId: conversation.id });
    expect(opened.messages[0]).toMatchObject({ role: 'learner', text: 'Hola' });
  });

  it('without any provider, the message is kept and no reply is attempted', async () => {
    fx = await tutorFixture({ configure: false });
    expect(await fx.learner.call('llm:status', {})).toMatchObject({ configured: false, online: false, problem: { code: 'not_configured' } });
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: clientId() });
    expect(sent).toMatchObject({ replyMessageId: null, learnerMessage: { text: 'Hola', analysis: 'none' } });
    const translate = await fx.learner.raw('tutor:translate', { messageId: sent.learnerMessage.id });
    expect(translate).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { problem: 'not_configured' } } });
  });
});

describe('a machine policy', () => {
  it('locks the primary server and model but lets the learner set the key', async () => {
    const mock = await startMockOpenAI();
    const policy = parsePolicy({ llm: { provider: 'ollama', baseUrl: mock.baseUrl, model: 'mock-chat' } }, '/etc/parley/policy.json');
    const core = await makeCore({ policy, llmOptions: { tuning: FAST_TUNING, localServers: [] } });
    try {
      const learner = caller(core);
      await learner.call('profiles:create', sampleProfile);
      const { config } = await learner.call('llm:getConfig', {});
      expect(config).toMatchObject({ lockedByPolicy: true, primary: { kind: 'ollama', baseUrl: mock.baseUrl, conversationModel: 'mock-chat' } });
      const changed = await learner.raw('llm:saveConfig', { primary: provider('http://evil.example/v1'), fallback: null });
      expect(changed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const { primary } = config;
      await learner.call('llm:saveConfig', { primary: { kind: primary!.kind, baseUrl: primary!.baseUrl, conversationModel: primary!.conversationModel, analysisModel: primary!.analysisModel, apiKey: 'sk-lab' }, fallback: null });
      expect((await learner.call('llm:getConfig', {})).config.primary).toMatchObject({ baseUrl: mock.baseUrl, hasKey: true });
    } finally {
      await core.close();
      await mock.close();
    }
  });
});

describe('a stored key', () => {
  it('is only ever sent to the server it was saved for', async () => {
    fx = await tutorFixture({ apiKey: 'sk-only-for-first' });
    const other = await startMockOpenAI();
    try {
      const tried = await fx.learner.call('llm:testConnection', { provider: provider(other.baseUrl) });
      expect(tried.ok).toBe(true);
      expect(other.requests.map((r) => r.authorization)).not.toContain('Bearer sk-only-for-first');
      await fx.learner.call('llm:saveConfig', { primary: provider(other.baseUrl), fallback: null });
      expect((await fx.learner.call('llm:getConfig', {})).config.primary?.hasKey).toBe(false);
    } finally {
      await other.close();
    }
  });
});
