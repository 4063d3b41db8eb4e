import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientId, eventsOf, settle, tutorFixture, type TutorFixture } from './tutor-fixture';

let fx: TutorFixture;
beforeEach(async () => {
  fx = await tutorFixture();
});
afterEach(async () => fx.close());

describe('a streamed conversation', () => {
  it('stores the learner message first, streams the reply as deltas and stores it complete', async () => {
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    fx.mock.script({ kind: 'chat', text: '¡Hola Ana! ¿Qué te gusta cocinar?', chunkDelayMs: 5 });
    const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola, me gusta cocinar', clientMessageId: clientId() });
    expect(sent.learnerMessage).toMatchObject({ role: 'learner', text: 'Hola, me gusta cocinar', status: 'complete', analysis: 'pending' });
    expect(sent.replyMessageId).not.toBeNull();

    const done = await settle(fx, sent.replyMessageId!);
    expect(done).toMatchObject({ status: 'complete', text: '¡Hola Ana! ¿Qué te gusta cocinar?', stopped: false, error: null });
    const deltas = eventsOf(fx.events, 'tutor:delta', sent.replyMessageId!);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => i));
    expect(deltas.map((d) => d.text).join('')).toBe('¡Hola Ana! ¿Qué te gusta cocinar?');

    const opened = await fx.learner.call('tutor:open', { conversationId: conversation.id });
    expect(opened.messages.map((m) => [m.role, m.text, m.status])).toEqual([
      ['learner', 'Hola, me gusta cocinar', 'complete'],
      ['tutor', '¡Hola Ana! ¿Qué te gusta cocinar?', 'complete'],
    ]);
    expect(opened.conversation.messageCount).toBe(2);
  });

  it('sends the learner, their level and the history to the model', async () => {
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    const first = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: clientId() });
    await settle(fx, first.replyMessageId!);
    const second = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Vivo en Madrid', clientMessageId: clientId() });
    await settle(fx, second.replyMessageId!);
    const chat = fx.mock.chatRequests().filter((r) => r.stream);
    const last = chat[chat.length - 1]!;
    expect(last.model).toBe('mock-chat');
    expect(last.messages![0]!.role).toBe('system');
    expect(String(last.messages![0]!.content)).toContain('Spanish');
    expect(String(last.messages![0]!.content)).toContain('A2');
    expect(last.messages!.slice(1).map((m) => [m.role, m.content])).toEqual([
      ['user', 'Hola'],
      ['assistant', '¡Hola! ¿Qué tal tu día?'],
      ['user', 'Vivo en Madrid'],
    ]);
  });

  it('analyses the learner message beside the reply and stores the corrections', async () => {
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    fx.mock.script({
      kind: 'structured',
      json: { corrections: [{ original: 'Yo es', corrected: 'Yo soy', explanation: 'Use "soy" with "yo".', category: 'grammar', severity: 'major' }] },
    });
    const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Yo es de Inglaterra', clientMessageId: clientId() });
    await settle(fx, sent.replyMessageId!);
    const [event] = eventsOf(fx.events, 'tutor:correction', sent.learnerMessage.id);
    expect(event).toMatchObject({ status: 'done', corrections: [{ original: 'Yo es', corrected: 'Yo soy', category: 'grammar' }] });
    const analysis = fx.mock.chatRequests().find((r) => r.response_format);
    expect(analysis?.model).toBe('mock-analysis');
    expect(analysis?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'corrections', strict: true } });
    const opened = await fx.learner.call('tutor:open', { conversationId: conversation.id });
    expect(opened.messages[0]).toMatchObject({ analysis: 'done', corrections: [{ original: 'Yo es', corrected: 'Yo soy' }] });
    const counts = await fx.learner.call('tutor:correctionCounts', {});
    expect(counts).toMatchObject({ total: 1, counts: { grammar: 1, spelling: 0 }, messagesAnalysed: 1 });
  });

  it('never stores a resent message twice', async () => {
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    const id = clientId();
    const first = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: id });
    await settle(fx, first.replyMessageId!);
    const again = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: id });
    expect(again.learnerMessage.id).toBe(first.learnerMessage.id);
    expect(again.replyMessageId).toBe(first.replyMessageId);
    const opened = await fx.learner.call('tutor:open', { conversationId: conversation.id });
    expect(opened.messages).toHaveLength(2);
  });

  it('weaves up to five of the learner’s new or due words into the prompt', async () => {
    const { deck } = await fx.learner.call('decks:create', { name: 'Palabras' });
    const terms = ['la manzana', 'el tren', 'la casa', 'el perro', 'la mesa', 'el libro', 'la silla'];
    for (const term of terms) await fx.learner.call('notes:create', { deckId: deck.id, term, translation: `en:${term}` });
    const { conversation } = await fx.learner.call('tutor:start', { scenarioId: null });
    const sent = await fx.learner.call('tutor:send', { conversationId: conversation.id, text: 'Hola', clientMessageId: clientId() });
    await settle(fx, sent.replyMessageId!);
    const system = String(fx.mock.chatRequests().find((r) => r.stream)!.messages![0]!.content);
    const woven = terms.filter((t) => system.includes(`${t} (en:${t})`));
    expect(woven).toEqual(terms.slice(0, 5));
  });
});
