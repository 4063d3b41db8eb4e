import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientId, settle, tutorFixture, type TutorFixture } from './tutor-fixture';

let fx: TutorFixture;
beforeEach(async () => {
  fx = await tutorFixture();
});
afterEach(async () => fx.close());

async function conversationWith(title: string, learnerText: string, tutorText: string) {
  const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null, title });
  fx.mock.script({ kind: 'chat', text: tutorText });
  const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: learnerText, clientMessageId: clientId() });
  await settle(fx, sent.replyMessageId!);
  return conversation.id;
}

describe('conversation search', () => {
  it('finds words across conversations, ignoring accents and case, with highlight offsets', async () => {
    const a = await conversationWith('Viaje', 'Quiero ir a la estación de tren', 'La estación está a dos calles.');
    await conversationWith('Comida', 'Me gusta el pan', 'El pan de aquí es muy bueno.');
    const result = await fx.learner.call('tutor:search', { query: 'ESTACION' });
    expect(result.total).toBe(2);
    expect(result.hits.every((h) => h.conversationId === a && h.conversationTitle === 'Viaje')).toBe(true);
    const hit = result.hits.find((h) => h.role === 'tutor')!;
    expect(hit.snippet).toBe('La estación está a dos calles.');
    expect(hit.highlights.map((h) => hit.snippet.slice(h.start, h.end))).toEqual(['estación']);
    expect((await fx.learner.call('tutor:search', { query: 'esta' })).total).toBe(2);
  });

  it('treats search syntax as plain words and leaves deleted conversations out until restored', async () => {
    const a = await conversationWith('Viaje', 'NEAR "tren" OR *', 'Vale.');
    expect((await fx.learner.call('tutor:search', { query: 'tren" OR' })).total).toBe(1);
    expect((await fx.learner.call('tutor:search', { query: '*' })).total).toBe(0);
    await fx.learner.call('tutor:delete', { conversationId: a });
    expect((await fx.learner.call('tutor:search', { query: 'tren' })).total).toBe(0);
    expect((await fx.learner.call('tutor:list', {})).total).toBe(0);
    await fx.learner.call('tutor:restore', { conversationId: a });
    expect((await fx.learner.call('tutor:search', { query: 'tren' })).total).toBe(1);
  });

  it('finds a regenerated reply by its new words only', async () => {
    const a = await conversationWith('Viaje', 'Hola', 'Respuesta antigua con elefante.');
    fx.mock.script({ kind: 'chat', text: 'Respuesta nueva con jirafa.' });
    const regen = await fx.learner.call('tutor:regenerate', { conversationId: a });
    await settle(fx, regen.replyMessageId);
    expect((await fx.learner.call('tutor:search', { query: 'elefante' })).total).toBe(0);
    expect((await fx.learner.call('tutor:search', { query: 'jirafa' })).total).toBe(1);
  });
});

describe('conversation list', () => {
  it('lists newest first with counts and previews, renames, and pages a long conversation from the end', async () => {
    const a = await conversationWith('Primera', 'uno', 'dos');
    const b = await conversationWith('Segunda', 'tres', 'cuatro');
    const list = await fx.learner.call('tutor:list', {});
    expect(list.conversations.map((c) => [c.id, c.messageCount, c.preview])).toEqual([
      [b, 2, 'cuatro'],
      [a, 2, 'dos'],
    ]);
    const renamed = await fx.learner.call('tutor:rename', { conversationId: a, title: '  Nueva  ' });
    expect(renamed.conversation.title).toBe('Nueva');
    const page1 = await fx.learner.call('tutor:open', { conversationId: b, limit: 1 });
    expect(page1).toMatchObject({ hasMore: true, messages: [{ text: 'cuatro' }] });
    const page2 = await fx.learner.call('tutor:open', { conversationId: b, limit: 1, before: page1.messages[0]!.id });
    expect(page2).toMatchObject({ hasMore: false, messages: [{ text: 'tres' }] });
  });
});
