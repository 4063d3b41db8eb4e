import { describe, expect, it } from 'vitest';
import { caller, makeCore, sampleProfile } from '../support/test-core';
import { clientId } from './tutor-fixture';

const baseUrl = process.env.PARLEY_LLM_BASE_URL;
const apiKey = process.env.PARLEY_LLM_API_KEY;
const model = process.env.PARLEY_LLM_MODEL;

if (!baseUrl) console.info('live model test skipped: set PARLEY_LLM_BASE_URL (and PARLEY_LLM_API_KEY, PARLEY_LLM_MODEL) to run it');

/** Holds a three-turn conversation against a real OpenAI-compatible server when one is configured. */
describe.skipIf(!baseUrl)('a live model', () => {
  it('holds a three-turn conversation with streamed replies and corrections', { timeout: 300_000 }, async () => {
    const core = await makeCore({ llmOptions: { localServers: [] } });
    const done = new Map<string, { status: string; text: string }>();
    const deltas = new Map<string, number>();
    core.events.subscribe(({ name, payload }) => {
      const p = payload as { messageId: string; status: string; text: string };
      if (name === 'tutor:delta') deltas.set(p.messageId, (deltas.get(p.messageId) ?? 0) + 1);
      if (name === 'tutor:done') done.set(p.messageId, p);
    });
    try {
      const learner = caller(core);
      await learner.call('profiles:create', sampleProfile);
      const chosen = model ?? 'gpt-4o-mini';
      await learner.call('llm:saveConfig', {
        primary: { kind: 'openai-compatible', baseUrl: baseUrl!, conversationModel: chosen, analysisModel: chosen, ...(apiKey ? { apiKey } : {}) },
        fallback: null,
      });
      const test = await learner.call('llm:testConnection', {});
      expect(test.problem?.code ?? null).not.toBe('bad_key');
      const { conversation } = await learner.call('tutor:start', { scenarioId: null });
      for (const text of ['Hola, me llamo Ana y yo es de Inglaterra.', '¿Qué comida típica me recomiendas?', 'Gracias, adiós.']) {
        const sent = await learner.call('tutor:send', { conversationId: conversation.id, text, clientMessageId: clientId() });
        await core.internals().services.tutor.settled(conversation.id);
        await core.internals().services.tutor.settle();
        const reply = done.get(sent.replyMessageId!);
        expect(reply?.status).toBe('complete');
        expect(reply!.text.length).toBeGreaterThan(0);
        expect(deltas.get(sent.replyMessageId!)).toBeGreaterThan(0);
      }
      const opened = await learner.call('tutor:open', { conversationId: conversation.id });
      expect(opened.messages.map((m) => m.role)).toEqual(['learner', 'tutor', 'learner', 'tutor', 'learner', 'tutor']);
      expect(opened.messages[0]!.analysis).not.toBe('pending');
    } finally {
      await core.close();
    }
  });
});
