import type { Correction } from '../../../../src-shared/domain/corrections';
import type { MessageStatus, TutorMessage } from '../../../../src-shared/domain/tutor';

/** A message as the chat shows it: the stored one, plus what the live events and the UI added. */
export interface ChatMessage extends TutorMessage {
  /** The problem code of a failed or cut-off reply, to translate its message. */
  errorCode: string | null;
  /** A learner message the core has not confirmed yet (its id is the client message id). */
  pending: boolean;
}

export interface ChatState {
  conversationId: string;
  messages: ChatMessage[];
  /** The last delta applied per streaming message, so a repeated or late delta is not appended twice. */
  seqs: Record<string, number>;
  /** Analyses that arrived before their learner message did (the answer to `tutor:send` can come after them). */
  early: Record<string, SettledAnalysis>;
}

interface SettledAnalysis {
  status: 'done' | 'failed';
  corrections: Correction[];
}

export type ChatAction =
  | { type: 'snapshot'; messages: TutorMessage[] }
  | { type: 'older'; messages: TutorMessage[] }
  | { type: 'pending'; id: string; text: string }
  | { type: 'unpending'; id: string }
  | { type: 'sent'; pendingId: string | null; learnerMessage: TutorMessage; replyMessageId: string | null }
  | { type: 'removed'; ids: readonly string[] }
  | { type: 'streaming'; messageId: string }
  | {
      type: 'delta';
      messageId: string;
      seq: number;
      text: string;
      /** The whole reply so far when every chunk was seen (some may have come before this chat mounted). */
      accumulated: string | null;
    }
  | {
      type: 'done';
      messageId: string;
      status: Exclude<MessageStatus, 'streaming'>;
      text: string;
      error: { code: string; message: string } | null;
    }
  | { type: 'analysis'; messageId: string; status: 'done' | 'failed'; corrections: Correction[] }
  | { type: 'translation'; messageId: string; translation: string };

const chatMessage = (message: TutorMessage): ChatMessage => ({ ...message, errorCode: null, pending: false });

export const emptyChat = (conversationId: string): ChatState => ({ conversationId, messages: [], seqs: {}, early: {} });

/** Oldest first by id (UUIDv7 ids sort by time); messages still being sent stay at the end. */
function ordered(messages: ChatMessage[]): ChatMessage[] {
  return [...messages].sort((a, b) =>
    a.pending !== b.pending ? (a.pending ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

function upsert(state: ChatState, message: ChatMessage): ChatState {
  const others = state.messages.filter((m) => m.id !== message.id);
  return { ...state, messages: ordered([...others, message]) };
}

function patch(state: ChatState, id: string, change: (m: ChatMessage) => ChatMessage): ChatState {
  if (!state.messages.some((m) => m.id === id)) return state;
  return { ...state, messages: state.messages.map((m) => (m.id === id ? change(m) : m)) };
}

function placeholder(state: ChatState, id: string): ChatMessage {
  return {
    id,
    conversationId: state.conversationId,
    role: 'tutor',
    text: '',
    status: 'streaming',
    error: null,
    createdAt: Date.now(),
    corrections: [],
    analysis: 'none',
    translation: null,
    errorCode: null,
    pending: false,
  };
}

const settled = (m: ChatMessage): boolean => m.analysis === 'done' || m.analysis === 'failed';

/**
 * A learner message's analysis only moves on (pending → done or failed). It runs beside the reply, so its result
 * may come before the message itself or between the read and the arrival of a stored copy: neither may take it back.
 */
function withSettledAnalysis(state: ChatState, message: ChatMessage, live: ChatMessage | undefined): ChatMessage {
  if (settled(message)) return message;
  const early = state.early[message.id];
  if (early) return { ...message, analysis: early.status, corrections: early.corrections };
  return live && settled(live) ? { ...message, analysis: live.analysis, corrections: live.corrections } : message;
}

/** A stored snapshot wins over what the chat built from events, except for messages it does not hold yet. */
function applySnapshot(state: ChatState, stored: TutorMessage[]): ChatState {
  const first = stored[0]?.id;
  const storedIds = new Set(stored.map((m) => m.id));
  const known = new Map(state.messages.map((m) => [m.id, m]));
  const older = first ? state.messages.filter((m) => !m.pending && m.id < first) : [];
  const last = stored.at(-1)?.id;
  const newer = state.messages.filter((m) => m.pending || (!storedIds.has(m.id) && (last === undefined || m.id > last)));
  const merged = stored.map((m) => {
    const live = known.get(m.id);
    // A reply that finished while the snapshot was on its way: keep the finished version.
    if (live && m.status === 'streaming' && live.status !== 'streaming') return live;
    // While it streams, the events are ahead of any snapshot.
    if (live && m.status === 'streaming' && live.text.length > m.text.length) return live;
    const fresh = { ...chatMessage(m), errorCode: live?.errorCode ?? null, translation: m.translation ?? live?.translation ?? null };
    return withSettledAnalysis(state, fresh, live);
  });
  return { ...state, messages: ordered([...older, ...merged, ...newer]) };
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'snapshot':
      return applySnapshot(state, action.messages);
    case 'older': {
      const have = new Set(state.messages.map((m) => m.id));
      const fresh = action.messages.filter((m) => !have.has(m.id)).map(chatMessage);
      return { ...state, messages: ordered([...fresh, ...state.messages]) };
    }
    case 'pending':
      return upsert(state, { ...placeholder(state, action.id), role: 'learner', text: action.text, pending: true });
    case 'unpending':
      return { ...state, messages: state.messages.filter((m) => m.id !== action.id) };
    case 'sent': {
      let next = action.pendingId
        ? { ...state, messages: state.messages.filter((m) => m.id !== action.pendingId) }
        : state;
      const live = next.messages.find((m) => m.id === action.learnerMessage.id);
      next = upsert(next, withSettledAnalysis(next, chatMessage(action.learnerMessage), live));
      const replyId = action.replyMessageId;
      if (replyId && !next.messages.some((m) => m.id === replyId)) next = upsert(next, placeholder(next, replyId));
      return next;
    }
    case 'removed': {
      const gone = new Set(action.ids);
      return { ...state, messages: state.messages.filter((m) => !gone.has(m.id)) };
    }
    case 'streaming': {
      const current = state.messages.find((m) => m.id === action.messageId);
      if (!current) return upsert(state, placeholder(state, action.messageId));
      if (current.status === 'streaming') return state;
      return {
        ...patch(state, action.messageId, (m) => ({ ...m, status: 'streaming', error: null, errorCode: null })),
        seqs: { ...state.seqs, [action.messageId]: -1 },
      };
    }
    case 'delta': {
      const current = state.messages.find((m) => m.id === action.messageId);
      const base = current ?? placeholder(state, action.messageId);
      // A finished message that streams again is being continued: its sequence starts over.
      const restarting = base.status !== 'streaming';
      const last = restarting ? -1 : (state.seqs[action.messageId] ?? -1);
      if (action.seq <= last) return state;
      const next = upsert(state, {
        ...base,
        status: 'streaming',
        error: null,
        errorCode: null,
        text: action.accumulated ?? base.text + action.text,
      });
      return { ...next, seqs: { ...state.seqs, [action.messageId]: action.seq } };
    }
    case 'done': {
      const base = state.messages.find((m) => m.id === action.messageId) ?? placeholder(state, action.messageId);
      const { [action.messageId]: _finished, ...seqs } = state.seqs;
      return {
        ...upsert(state, {
          ...base,
          text: action.text,
          status: action.status,
          error: action.error?.message ?? null,
          errorCode: action.error?.code ?? null,
        }),
        seqs,
      };
    }
    case 'analysis': {
      const result = { status: action.status, corrections: action.corrections };
      if (!state.messages.some((m) => m.id === action.messageId)) return { ...state, early: { ...state.early, [action.messageId]: result } };
      return patch(state, action.messageId, (m) => ({ ...m, analysis: result.status, corrections: result.corrections }));
    }
    case 'translation':
      return patch(state, action.messageId, (m) => ({ ...m, translation: action.translation }));
  }
}

/** The reply being written, if any. */
export const streamingMessage = (state: ChatState): ChatMessage | undefined =>
  state.messages.find((m) => m.role === 'tutor' && m.status === 'streaming');
