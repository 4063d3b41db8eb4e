import { describe, expect, it } from 'vitest';
import type { TutorMessage } from '../../src-shared/domain/tutor';
import { correctionDiff } from '../../src-renderer/src/components/tutor/correction-diff';
import {
  chatReducer,
  emptyChat,
  streamingMessage,
  type ChatAction,
  type ChatState,
} from '../../src-renderer/src/routes/tutor/conversation-state';

const CONVERSATION = '01900000-0000-7000-8000-000000000000';
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function stored(n: number, role: 'learner' | 'tutor', text: string, status: TutorMessage['status'] = 'complete'): TutorMessage {
  return {
    id: id(n),
    conversationId: CONVERSATION,
    role,
    text,
    status,
    error: null,
    createdAt: n,
    corrections: [],
    analysis: role === 'learner' ? 'pending' : 'none',
    translation: null,
  };
}

const run = (actions: ChatAction[], start: ChatState = emptyChat(CONVERSATION)) => actions.reduce(chatReducer, start);
const delta = (n: number, seq: number, text: string, accumulated: string | null = null): ChatAction => ({
  type: 'delta',
  messageId: id(n),
  seq,
  text,
  accumulated,
});
const textOf = (state: ChatState, n: number) => state.messages.find((m) => m.id === id(n))?.text;

describe('the chat as the tutor screen builds it from stored messages and live events', () => {
  it('appends deltas in order, once each, and replaces them with the stored text when the reply is done', () => {
    let state = run([{ type: 'snapshot', messages: [stored(1, 'learner', 'Hola')] }, delta(2, 0, '¡Ho'), delta(2, 1, 'la!')]);
    state = run([delta(2, 1, 'la!'), delta(2, 0, '¡Ho')], state);
    expect(textOf(state, 2)).toBe('¡Hola!');
    expect(streamingMessage(state)?.id).toBe(id(2));
    state = run(
      [{ type: 'done', messageId: id(2), status: 'complete', text: '¡Hola! ¿Qué tal?', error: null }],
      state,
    );
    expect(textOf(state, 2)).toBe('¡Hola! ¿Qué tal?');
    expect(streamingMessage(state)).toBeUndefined();
  });

  it('takes the whole text so far when chunks came before the chat was listening', () => {
    const state = run([delta(2, 3, ' café', '¡Hola! Un café')]);
    expect(textOf(state, 2)).toBe('¡Hola! Un café');
  });

  it('continues a cut-off reply: the sequence starts over and the text grows', () => {
    let state = run([
      { type: 'snapshot', messages: [stored(1, 'learner', 'Hola'), stored(2, 'tutor', 'Buenos', 'incomplete')] },
      { type: 'streaming', messageId: id(2) },
      delta(2, 0, ' días'),
      delta(2, 1, '.'),
    ]);
    expect(textOf(state, 2)).toBe('Buenos días.');
    state = run([{ type: 'done', messageId: id(2), status: 'incomplete', text: 'Buenos días.', error: null }], state);
    // Continued again without the 'streaming' action (its delta came first): still appended, not dropped.
    state = run([delta(2, 0, ' Adiós')], state);
    expect(textOf(state, 2)).toBe('Buenos días. Adiós');
  });

  it('shows a message being sent last, then puts the stored one and the coming reply in its place', () => {
    let state = run([
      { type: 'snapshot', messages: [stored(1, 'tutor', 'Hola')] },
      { type: 'pending', id: id(9), text: 'Quiero un cafe' },
    ]);
    expect(state.messages.map((m) => [m.role, m.pending])).toEqual([
      ['tutor', false],
      ['learner', true],
    ]);
    state = run(
      [{ type: 'sent', pendingId: id(9), learnerMessage: stored(3, 'learner', 'Quiero un cafe'), replyMessageId: id(4) }],
      state,
    );
    expect(state.messages.map((m) => m.id)).toEqual([id(1), id(3), id(4)]);
    expect(state.messages.at(-1)).toMatchObject({ role: 'tutor', status: 'streaming', text: '' });
    expect(state.messages.some((m) => m.pending)).toBe(false);
  });

  it('drops a message the core did not take, and the replaced ones after an edit', () => {
    let state = run([{ type: 'pending', id: id(9), text: 'Hola' }, { type: 'unpending', id: id(9) }]);
    expect(state.messages).toEqual([]);
    state = run([
      { type: 'snapshot', messages: [stored(1, 'learner', 'Hola'), stored(2, 'tutor', 'Hi')] },
      { type: 'removed', ids: [id(1), id(2)] },
    ]);
    expect(state.messages).toEqual([]);
  });

  it('keeps older pages and live text when a fresh snapshot arrives', () => {
    let state = run([
      { type: 'snapshot', messages: [stored(5, 'learner', 'Hola'), stored(6, 'tutor', '', 'streaming')] },
      { type: 'older', messages: [stored(3, 'learner', 'Antes'), stored(4, 'tutor', 'Sí')] },
      delta(6, 0, 'Muy '),
      delta(6, 1, 'bien'),
    ]);
    state = run([{ type: 'snapshot', messages: [stored(5, 'learner', 'Hola'), stored(6, 'tutor', 'Muy', 'streaming')] }], state);
    expect(state.messages.map((m) => m.text)).toEqual(['Antes', 'Sí', 'Hola', 'Muy bien']);
  });

  it('records the analysis of a learner message and the cached translation of a reply', () => {
    const correction = {
      original: 'cafe',
      corrected: 'café',
      explanation: 'Accent.',
      category: 'spelling' as const,
      severity: 'minor' as const,
    };
    const state = run([
      { type: 'snapshot', messages: [stored(1, 'learner', 'un cafe'), stored(2, 'tutor', 'Vale')] },
      { type: 'analysis', messageId: id(1), status: 'done', corrections: [correction] },
      { type: 'translation', messageId: id(2), translation: 'OK' },
    ]);
    expect(state.messages[0]).toMatchObject({ analysis: 'done', corrections: [correction] });
    expect(state.messages[1]?.translation).toBe('OK');
  });

  // The analysis runs beside the reply and may finish before the answer to `tutor:send` reaches the screen, or
  // between a snapshot's read and its arrival: a learner's corrections must show whatever the order.
  describe('never loses the corrections of a learner message to the order things arrive in', () => {
    const correction = { original: 'cafe', corrected: 'café', explanation: 'Accent.', category: 'spelling' as const, severity: 'minor' as const };
    const analysed: ChatAction = { type: 'analysis', messageId: id(3), status: 'done', corrections: [correction] };
    const sent: ChatAction = { type: 'sent', pendingId: 'client-1', learnerMessage: stored(3, 'learner', 'un cafe'), replyMessageId: id(4) };
    const before = [stored(1, 'tutor', 'Hola'), stored(2, 'learner', 'hola')];
    const learnerOf = (state: ChatState) => state.messages.find((m) => m.id === id(3));

    it('the result before the send answer', () => {
      const state = run([{ type: 'snapshot', messages: before }, { type: 'pending', id: 'client-1', text: 'un cafe' }, analysed, sent]);
      expect(learnerOf(state)).toMatchObject({ analysis: 'done', corrections: [correction] });
    });

    it('a snapshot holding the result, then the send answer read before it', () => {
      const withResult = { ...stored(3, 'learner', 'un cafe'), analysis: 'done' as const, corrections: [correction] };
      const state = run([
        { type: 'snapshot', messages: before },
        { type: 'pending', id: 'client-1', text: 'un cafe' },
        { type: 'snapshot', messages: [...before, withResult, stored(4, 'tutor', 'Vale')] },
        sent,
      ]);
      expect(learnerOf(state)).toMatchObject({ analysis: 'done', corrections: [correction] });
    });

    it('the result, then a snapshot read before it', () => {
      const state = run([{ type: 'snapshot', messages: before }, { type: 'pending', id: 'client-1', text: 'un cafe' }, sent, analysed, { type: 'snapshot', messages: [...before, stored(3, 'learner', 'un cafe')] }]);
      expect(learnerOf(state)).toMatchObject({ analysis: 'done', corrections: [correction] });
    });

    it('while a newer analysis (after an edit) still replaces an older one', () => {
      const state = run([{ type: 'snapshot', messages: before }, sent, analysed, { type: 'analysis', messageId: id(3), status: 'failed', corrections: [] }]);
      expect(learnerOf(state)).toMatchObject({ analysis: 'failed', corrections: [] });
    });
  });

  it('keeps the problem code of a failed reply to translate it', () => {
    const state = run([
      delta(2, 0, 'Ho'),
      {
        type: 'done',
        messageId: id(2),
        status: 'error',
        text: '',
        error: { code: 'server_down', message: 'The server does not answer.' },
      },
    ]);
    expect(state.messages[0]).toMatchObject({ status: 'error', errorCode: 'server_down', error: 'The server does not answer.' });
  });
});

describe('the correction diff', () => {
  it('marks only the changed words on each side', () => {
    const { before, after } = correctionDiff('Yo quiero un cafe con leche', 'Yo quiero un café con leche');
    expect(before.filter((p) => p.changed).map((p) => p.text)).toEqual(['cafe']);
    expect(after.filter((p) => p.changed).map((p) => p.text)).toEqual(['café']);
    expect(before.map((p) => p.text).join('')).toBe('Yo quiero un cafe con leche');
    expect(after.map((p) => p.text).join('')).toBe('Yo quiero un café con leche');
  });

  it('marks a dropped word on the old side only', () => {
    const { before, after } = correctionDiff('Me gusta mucho el', 'Me gusta mucho');
    expect(before.filter((p) => p.changed).map((p) => p.text.trim())).toEqual(['el']);
    expect(after.some((p) => p.changed)).toBe(false);
  });
});
