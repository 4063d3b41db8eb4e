import { afterEach, describe, expect, it } from 'vitest';
import { countProfileRows } from '../../db/profile-rows';
import { caller } from '../support/test-core';
import { clientId, settle, tutorFixture, type TutorFixture } from './tutor-fixture';

let fx: TutorFixture;
afterEach(async () => fx.close());

describe('long conversations', () => {
  it('fold turns that leave the prompt window into a stored rolling summary that later prompts carry', async () => {
    fx = await tutorFixture();
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    fx.mock.script({ kind: 'chat', match: 'running summary', text: 'Ana lives in Madrid and likes trains.', times: 10 });
    for (let i = 0; i < 6; i += 1) {
      const text = `Mensaje ${i}: ${'me gustan mucho los trenes de España y viajar por el país. '.repeat(60)}`.slice(0, 3900);
      const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text, clientMessageId: clientId() });
      await settle(fx, sent.replyMessageId!);
    }
    const summaryRequests = fx.mock.chatRequests().filter((r) => JSON.stringify(r.messages).includes('running summary'));
    expect(summaryRequests.length).toBeGreaterThan(0);
    expect(JSON.stringify(summaryRequests[0]!.messages)).toContain('Mensaje 0');
    const row = fx.core.internals().sqlite.prepare('SELECT summary, summary_through FROM tutor_conversations WHERE id = ?').get(conversation.id) as { summary: string; summary_through: number };
    expect(row.summary).toBe('Ana lives in Madrid and likes trains.');
    expect(row.summary_through).toBeGreaterThan(0);

    const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola otra vez', clientMessageId: clientId() });
    await settle(fx, sent.replyMessageId!);
    const last = fx.mock.chatRequests().filter((r) => r.stream).pop()!;
    expect(String(last.messages![0]!.content)).toContain('Summary of the earlier part of this conversation: Ana lives in Madrid and likes trains.');
    expect(JSON.stringify(last.messages)).not.toContain('Mensaje 0');
    expect(last.messages!.at(-1)!.content).toBe('Hola otra vez');
  });
});

describe('the scenario library', () => {
  it('lists at least 40 role-plays from A1 to C1 in the interface language, vocabulary in the target language', async () => {
    fx = await tutorFixture({ configure: false });
    const { scenarios } = await fx.learner.call('tutor:scenarios', {});
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.level))).toEqual(new Set(['A1', 'A2', 'B1', 'B2', 'C1']));
    const b2 = await fx.learner.call('tutor:scenarios', { level: 'B2' });
    expect(b2.scenarios.length).toBeGreaterThan(0);
    expect(b2.scenarios.every((s) => s.level === 'B2')).toBe(true);

    const spanish = caller(fx.core);
    await spanish.call('profiles:create', { displayName: 'Lucía', nativeLanguage: 'es', targetLanguage: 'de', level: 'A1' });
    const inSpanish = (await spanish.call('tutor:scenarios', {})).scenarios.find((s) => s.id === 'asking-for-directions')!;
    expect(inSpanish.title).toBe('Preguntar por una dirección');
    const inEnglish = scenarios.find((s) => s.id === 'asking-for-directions')!;
    expect(inEnglish.title).toBe('Asking for directions');
    expect(inSpanish.vocabulary).not.toEqual(inEnglish.vocabulary);
    expect(await fx.learner.raw('tutor:start', { scenarioId: 'no-such-scenario' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('deleting a profile', () => {
  it('takes its conversations, messages, corrections, drill results and search entries with it', async () => {
    fx = await tutorFixture();
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    fx.mock.script({ kind: 'structured', json: { corrections: [{ original: 'Hola', corrected: '¡Hola!', explanation: 'x', category: 'spelling', severity: 'minor' }] } });
    const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: clientId() });
    await settle(fx, sent.replyMessageId!);
    const { sqlite } = fx.core.internals();
    expect(countProfileRows(sqlite, fx.profileId)).toBeGreaterThan(5);
    await fx.learner.call('profiles:delete', { profileId: fx.profileId, confirmation: 'Ana' });
    expect(countProfileRows(sqlite, fx.profileId)).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM tutor_messages_fts_rows').pluck().get()).toBe(0);
  });
});
