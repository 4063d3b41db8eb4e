import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientId, settle, tutorFixture, type TutorFixture } from './tutor-fixture';

let fx: TutorFixture;
let deckId: string;
let conversationId: string;
beforeEach(async () => {
  fx = await tutorFixture();
  deckId = (await fx.learner.call('decks:create', { name: 'Tutor words' })).deck.id;
  conversationId = (await fx.learner.call('tutor:start', { scenarioId: null })).conversation.id;
});
afterEach(async () => fx.close());

describe('vocabulary capture', () => {
  it('adds a word the tutor used as a note with the sentence as its example, in the chosen deck', async () => {
    fx.mock.script({ kind: 'chat', text: '¡Qué bien! **La estación** está cerca. ¿Vas en tren?' });
    const sent = await fx.learner.call('tutor:send', { conversationId, text: 'Voy a Sevilla', clientMessageId: clientId() });
    await settle(fx, sent.replyMessageId!);
    fx.mock.script({ kind: 'structured', match: 'pick at most 5 words', json: { words: [{ term: 'la estación', translation: 'the station' }] } });
    const { words } = await fx.learner.call('tutor:suggestWords', { messageId: sent.replyMessageId! });
    expect(words).toEqual([{ term: 'la estación', translation: 'the station', sentence: 'La estación está cerca.', origin: 'tutor' }]);

    const added = await fx.learner.call('tutor:addWord', { messageId: sent.replyMessageId!, deckId, term: 'la estación', translation: 'the station' });
    expect(added.duplicate).toBe(false);
    expect(added.note).toMatchObject({ deckId, term: 'la estación', translation: 'the station', source: 'tutor', examples: [{ text: 'La estación está cerca.', translation: '' }] });
    const again = await fx.learner.call('tutor:addWord', { messageId: sent.replyMessageId!, deckId, term: 'La estación', translation: 'the station' });
    expect(again).toMatchObject({ duplicate: true, note: { id: added.note.id } });
    const deck = (await fx.learner.call('decks:list', {})).decks.find((d) => d.id === deckId)!;
    expect(deck.counts.total).toBeGreaterThan(0);
    const { note, cards } = await fx.learner.call('notes:get', { noteId: added.note.id });
    expect(note.term).toBe('la estación');
    expect(cards.length).toBeGreaterThan(0);
  });

  it('offers corrected words from a learner message, with the corrected sentence as example', async () => {
    fx.mock.script({
      kind: 'structured',
      match: 'corrections',
      json: { corrections: [{ original: 'manzanas rojo', corrected: 'manzanas rojas', explanation: 'Adjectives agree.', category: 'grammar', severity: 'minor' }] },
    });
    const sent = await fx.learner.call('tutor:send', { conversationId, text: 'Compré manzanas rojo. Estaban ricas.', clientMessageId: clientId() });
    await settle(fx, sent.replyMessageId!);
    const { words } = await fx.learner.call('tutor:suggestWords', { messageId: sent.learnerMessage.id });
    expect(words).toEqual([{ term: 'manzanas rojas', translation: '', sentence: 'Compré manzanas rojas.', origin: 'correction' }]);
    const added = await fx.learner.call('tutor:addWord', { messageId: sent.learnerMessage.id, deckId, term: 'rojas', translation: 'red (fem. pl.)' });
    expect(added.note.examples).toEqual([{ text: 'Compré manzanas rojas.', translation: '' }]);
  });

  it('refuses a deck that is not the learner’s and leaves the decks untouched', async () => {
    const sent = await fx.learner.call('tutor:send', { conversationId, text: 'Hola', clientMessageId: clientId() });
    await settle(fx, sent.replyMessageId!);
    const result = await fx.learner.raw('tutor:addWord', { messageId: sent.replyMessageId!, deckId: clientId(), term: 'hola', translation: 'hello' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('translate and explain', () => {
  it('translates a tutor message on demand into the native language and keeps the translation', async () => {
    const sent = await fx.learner.call('tutor:send', { conversationId, text: 'Hola', clientMessageId: clientId() });
    await settle(fx, sent.replyMessageId!);
    fx.mock.script({ kind: 'chat', match: 'into natural English', text: 'Hi! How is your day going?' });
    const first = await fx.learner.call('tutor:translate', { messageId: sent.replyMessageId! });
    expect(first.translation).toBe('Hi! How is your day going?');
    const again = await fx.learner.call('tutor:translate', { messageId: sent.replyMessageId! });
    expect(again.translation).toBe(first.translation);
    expect(fx.mock.chatRequests().filter((r) => JSON.stringify(r.messages).includes('into natural English'))).toHaveLength(1);
    const opened = await fx.learner.call('tutor:open', { conversationId });
    expect(opened.messages[1]!.translation).toBe('Hi! How is your day going?');

    fx.mock.script({ kind: 'chat', match: 'how it is built', text: '- **¿Qué tal?** means "how is…?"' });
    const explained = await fx.learner.call('tutor:explain', { messageId: sent.replyMessageId!, selection: 'qué tal' });
    expect(explained.explanation).toContain('means');
  });
});
