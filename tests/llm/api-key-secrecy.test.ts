import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryKeyStore } from '../../src-main/providers/keystore';
import { startMockOpenAI } from '../support/mock-openai/server';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';
import { FAST_TUNING, clientId } from '../tutor/tutor-fixture';

function readAll(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(path.join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

/** The fields this test reads from the replies it gets. */
interface Reply {
  conversation: { id: string };
  replyMessageId: string;
  learnerMessage: { id: string };
  problem: { code: string };
}

const KEY = 'sk-parley-TOPSECRET-987654';
const WRONG = 'sk-wrong-ALSOSECRET-123456';

describe('the API key', () => {
  it('reaches the server, and never the renderer, the database, the logs or an error message', async () => {
    const mock = await startMockOpenAI({ knobs: { apiKey: KEY } });
    const dataDir = tempDir();
    const keystore = createMemoryKeyStore();
    const core = await makeCore({ dataDir, keystore, llmOptions: { tuning: FAST_TUNING, localServers: [] } });
    const seen: string[] = [];
    core.events.subscribe((event) => seen.push(JSON.stringify(event)));
    const learner = caller(core);
    const call = async (channel: string, input: unknown) => {
      const envelope = await learner.raw(channel, input);
      seen.push(JSON.stringify(envelope));
      return envelope as { ok: boolean; value: Reply };
    };
    try {
      const { profile } = await learner.call('profiles:create', { ...sampleProfile, password: 'pw-learner-1' });
      const provider = { kind: 'openai' as const, baseUrl: mock.baseUrl, conversationModel: 'mock-chat', analysisModel: 'mock-analysis' };
      await call('llm:saveConfig', { primary: { ...provider, apiKey: KEY }, fallback: null });
      await call('llm:getConfig', {});
      await call('llm:testConnection', {});
      await call('llm:status', { refresh: true });
      const start = await call('tutor:start', { scenarioId: null });
      const conversationId = start.value.conversation.id;
      const sent = await call('tutor:send', { conversationId, text: 'Hola', clientMessageId: clientId() });
      await core.internals().services.tutor.settled(conversationId);
      await core.internals().services.tutor.settle();
      await call('tutor:translate', { messageId: sent.value.replyMessageId });
      expect(mock.requests.filter((r) => r.path === '/v1/chat/completions').every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);

      // A wrong key: the server quotes it back; Parley says "refused the key" in its own words.
      const test = await call('llm:testConnection', { provider: { ...provider, apiKey: WRONG } });
      expect(test.value.problem.code).toBe('bad_key');
      await call('llm:saveConfig', { primary: { ...provider, apiKey: WRONG }, fallback: null });
      const again = await call('tutor:send', { conversationId, text: 'Otra vez', clientMessageId: clientId() });
      await core.internals().services.tutor.settled(conversationId);
      await core.internals().services.tutor.settle();
      await call('tutor:translate', { messageId: again.value.learnerMessage.id });
      await call('tutor:open', { conversationId });
      expect(seen.join('\n')).toContain('refused the API key');

      expect(await keystore.get(`profile/${profile.id}/llm.apiKey`)).toMatch(/^sealed:v1:/);
      await core.close();
      const everything = [seen.join('\n'), readAll(path.join(dataDir, 'logs')), readAll(dataDir)];
      for (const haystack of everything) {
        expect(haystack).not.toContain(KEY);
        expect(haystack).not.toContain(WRONG);
        expect(haystack).not.toContain('TOPSECRET');
        expect(haystack).not.toContain('ALSOSECRET');
      }
    } finally {
      await mock.close();
    }
  });
});
