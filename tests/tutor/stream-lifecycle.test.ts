import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientId, eventsOf, settle, tutorFixture, waitForEvent, type TutorFixture } from './tutor-fixture';

let fx: TutorFixture;
let conversationId: string;
beforeEach(async () => {
  fx = await tutorFixture();
  conversationId = (await fx.learner.call('tutor:start', { scenarioId: null })).conversation.id;
});
afterEach(async () => fx.close());

const send = (text: string) => fx.learner.call('tutor:send', { conversationId, text, clientMessageId: clientId() });
const open = async () => (await fx.learner.call('tutor:open', { conversationId })).messages;

describe('stop, regenerate, edit, continue', () => {
  it('Stop keeps the text streamed so far, marked incomplete, and Continue finishes it in the same message', async () => {
    fx.mock.script({ kind: 'chat', text: 'uno dos tres cuatro cinco seis siete ocho nueve diez', chunkDelayMs: 40 });
    const sent = await send('Cuenta hasta diez');
    await waitForEvent(fx, 'tutor:delta', (d) => d.messageId === sent.replyMessageId && d.seq === 2);
    expect(await fx.learner.call('tutor:stop', { conversationId })).toEqual({ stopped: true });
    const done = await waitForEvent(fx, 'tutor:done', (d) => d.messageId === sent.replyMessageId);
    expect(done).toMatchObject({ status: 'incomplete', stopped: true, error: null });
    expect(done.text.startsWith('uno dos tres')).toBe(true);
    expect(done.text).not.toContain('diez');
    const stored = (await open()).find((m) => m.id === sent.replyMessageId)!;
    expect(stored).toMatchObject({ status: 'incomplete', text: done.text });

    fx.mock.script({ kind: 'chat', text: ' y fin.' });
    const cont = await fx.learner.call('tutor:continue', { conversationId });
    expect(cont.replyMessageId).toBe(sent.replyMessageId);
    await waitForEvent(fx, 'tutor:done', (d) => d.messageId === sent.replyMessageId && !d.stopped);
    const dones = eventsOf(fx.events, 'tutor:done', sent.replyMessageId!);
    expect(dones).toHaveLength(2);
    expect(dones[1]).toMatchObject({ status: 'complete', text: `${done.text} y fin.` });
    expect((await open()).find((m) => m.id === sent.replyMessageId)).toMatchObject({ status: 'complete', text: `${done.text} y fin.` });
    const request = fx.mock.chatRequests().filter((r) => r.stream).pop()!;
    expect(request.messages!.slice(-2).map((m) => m.role)).toEqual(['assistant', 'user']);
    expect(request.messages!.at(-2)!.content).toBe(done.text);
  });

  it('a stream that drops mid-reply keeps the partial text, marked incomplete with a plain reason', async () => {
    fx.mock.script({ kind: 'chat', text: 'Esta respuesta se corta aquí mismo sin terminar', disconnectAfter: 3 });
    const sent = await send('Hola');
    const done = await settle(fx, sent.replyMessageId!);
    expect(done.status).toBe('incomplete');
    expect(done.text).toBe('Esta respuesta se');
    expect(done.error?.message).toMatch(/does not answer|cut short/);
    const stored = (await open()).find((m) => m.id === sent.replyMessageId)!;
    expect(stored).toMatchObject({ status: 'incomplete', text: 'Esta respuesta se' });
    expect(stored.error).not.toBeNull();
    expect(fx.mock.chatRequests().filter((r) => r.stream)).toHaveLength(1);
  });

  it('a malformed chunk mid-stream keeps what came before it', async () => {
    fx.mock.script({ kind: 'chat', text: 'uno dos tres cuatro', malformedAt: 2 });
    const sent = await send('Hola');
    const done = await settle(fx, sent.replyMessageId!);
    expect(done).toMatchObject({ status: 'incomplete', text: 'uno dos' });
    expect(done.error?.code).toBe('bad_response');
  });

  it('Regenerate replaces the last reply with a new one and the old one leaves the conversation', async () => {
    fx.mock.script({ kind: 'chat', text: 'Primera respuesta.' });
    const sent = await send('Hola');
    await settle(fx, sent.replyMessageId!);
    fx.mock.script({ kind: 'chat', text: 'Segunda respuesta.' });
    const regen = await fx.learner.call('tutor:regenerate', { conversationId });
    expect(regen.replacedMessageId).toBe(sent.replyMessageId);
    await settle(fx, regen.replyMessageId);
    expect((await open()).map((m) => m.text)).toEqual(['Hola', 'Segunda respuesta.']);
    const request = fx.mock.chatRequests().filter((r) => r.stream).pop()!;
    expect(request.messages!.slice(1).map((m) => m.content)).toEqual(['Hola']);
  });

  it('edit-and-resend replaces the last learner message and its reply', async () => {
    const first = await send('Hola');
    await settle(fx, first.replyMessageId!);
    const second = await send('Me llamo Anna');
    await settle(fx, second.replyMessageId!);
    const edited = await fx.learner.call('tutor:editLast', { conversationId, text: 'Me llamo Ana', clientMessageId: clientId() });
    expect(edited.replacedMessageIds.sort()).toEqual([second.learnerMessage.id, second.replyMessageId!].sort());
    await settle(fx, edited.replyMessageId!);
    expect((await open()).map((m) => m.text)).toEqual(['Hola', '¡Hola! ¿Qué tal tu día?', 'Me llamo Ana', '¡Hola! ¿Qué tal tu día?']);
  });

  it('refuses a second message while a reply is streaming, and keeps the first', async () => {
    fx.mock.script({ kind: 'chat', text: 'lenta respuesta que tarda', chunkDelayMs: 50 });
    const sent = await send('Hola');
    const clash = await fx.learner.raw('tutor:send', { conversationId, text: 'Otra', clientMessageId: clientId() });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await settle(fx, sent.replyMessageId!);
    expect((await open()).map((m) => m.text)).toEqual(['Hola', 'lenta respuesta que tarda']);
  });

  it('without a reply to act on, regenerate and continue say so', async () => {
    expect(await fx.learner.raw('tutor:regenerate', { conversationId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await fx.learner.raw('tutor:continue', { conversationId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await fx.learner.raw('tutor:editLast', { conversationId, text: 'x', clientMessageId: clientId() })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an empty reply is an error in plain words, and the learner message stays', async () => {
    fx.mock.script({ kind: 'chat', text: '' });
    const sent = await send('Hola');
    const done = await settle(fx, sent.replyMessageId!);
    expect(done).toMatchObject({ status: 'error', error: { code: 'bad_response', message: 'The model sent an empty reply.' } });
    expect((await open())[0]).toMatchObject({ text: 'Hola', role: 'learner' });
  });
});

describe('retries', () => {
  it('a reply retried after a 429 and a 503 arrives once, in one message', async () => {
    fx.mock.script({ kind: 'chat', status: 429, retryAfter: 0.05 }, { kind: 'chat', status: 503 }, { kind: 'chat', text: 'Una sola vez.' });
    const sent = await send('Hola');
    const done = await settle(fx, sent.replyMessageId!);
    expect(done).toMatchObject({ status: 'complete', text: 'Una sola vez.' });
    expect(eventsOf(fx.events, 'tutor:delta', sent.replyMessageId!).map((d) => d.text).join('')).toBe('Una sola vez.');
    expect(eventsOf(fx.events, 'tutor:done')).toHaveLength(1);
    expect((await open()).map((m) => m.text)).toEqual(['Hola', 'Una sola vez.']);
    expect(fx.mock.chatRequests().filter((r) => r.stream)).toHaveLength(3);
  });

  it('analysis garbage leaves the reply alone and says the analysis failed', async () => {
    fx.mock.script({ kind: 'structured', text: 'Sorry, I cannot produce JSON today.' });
    const sent = await send('Hola');
    await settle(fx, sent.replyMessageId!);
    expect(eventsOf(fx.events, 'tutor:correction', sent.learnerMessage.id)).toEqual([{ conversationId, messageId: sent.learnerMessage.id, status: 'failed', corrections: [] }]);
    expect((await open()).map((m) => [m.role, m.status, m.analysis])).toEqual([
      ['learner', 'complete', 'failed'],
      ['tutor', 'complete', 'none'],
    ]);
  });

  it('a server without structured output gets the analysis in plain words, read by the tolerant parser', async () => {
    fx.mock.knobs({ structuredOutput: false });
    fx.mock.script({ kind: 'chat', match: 'Find the real mistakes', text: 'Here you go:\n```json\n{"corrections":[{"original":"Yo es","corrected":"Yo soy","explanation":"Ser: yo soy.","category":"Grammar","severity":"high"}]}\n```' });
    const sent = await send('Yo es Ana');
    await settle(fx, sent.replyMessageId!);
    const [event] = eventsOf(fx.events, 'tutor:correction', sent.learnerMessage.id);
    expect(event).toMatchObject({ status: 'done', corrections: [{ original: 'Yo es', corrected: 'Yo soy', category: 'grammar', severity: 'major' }] });
  });
});

describe('scenarios', () => {
  it('strips the goal marker from the reply and reports the goal reached', async () => {
    const scenarios = await fx.learner.call('tutor:scenarios', {});
    if (scenarios.scenarios.length === 0) return expect.fail('the scenario library is empty');
    const scenario = scenarios.scenarios[0]!;
    const started = await fx.learner.call('tutor:start', { scenarioId: scenario.id });
    expect(started.conversation).toMatchObject({ scenarioId: scenario.id, title: scenario.title });
    fx.mock.script({ kind: 'chat', text: '¡Perfecto, lo has conseguido!\n[GOAL REACHED]', chunkSize: 3 });
    const sent = await fx.learner.call('tutor:send', { conversationId: started.conversation.id, text: 'Quiero un café', clientMessageId: clientId() });
    const done = await settle(fx, sent.replyMessageId!);
    expect(done.text).toBe('¡Perfecto, lo has conseguido!');
    expect(eventsOf(fx.events, 'tutor:delta', sent.replyMessageId!).map((d) => d.text).join('')).not.toContain('GOAL');
    expect(eventsOf(fx.events, 'tutor:goalReached')).toEqual([{ conversationId: started.conversation.id, messageId: sent.replyMessageId, scenarioId: scenario.id }]);
    const system = String(fx.mock.chatRequests().find((r) => r.stream)!.messages![0]!.content);
    expect(system).toContain('[GOAL REACHED]');
    expect(system).toContain('Success check');
    const opened = await fx.learner.call('tutor:open', { conversationId: started.conversation.id });
    expect(opened.conversation.goalReachedAt).not.toBeNull();
    expect(opened.scenario?.id).toBe(scenario.id);
  });
});

describe('after a crash', () => {
  it('shows a reply left streaming as incomplete (so it can be continued) and a pending analysis as failed', async () => {
    const sent = await send('Hola');
    await settle(fx, sent.replyMessageId!);
    const { sqlite } = fx.core.internals();
    sqlite.prepare(`UPDATE tutor_messages SET status = 'streaming' WHERE id = ?`).run(sent.replyMessageId);
    sqlite.prepare(`UPDATE tutor_messages SET analysis = 'pending' WHERE id = ?`).run(sent.learnerMessage.id);
    const messages = await open();
    expect(messages.map((m) => [m.status, m.analysis])).toEqual([
      ['complete', 'failed'],
      ['incomplete', 'none'],
    ]);
    fx.mock.script({ kind: 'chat', text: ' más.' });
    expect((await fx.learner.call('tutor:continue', { conversationId })).replyMessageId).toBe(sent.replyMessageId);
    await waitForEvent(fx, 'tutor:done', (d) => d.messageId === sent.replyMessageId && d.text.endsWith('más.'));
  });
});
