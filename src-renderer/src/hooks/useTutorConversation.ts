import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Conversation, ScenarioSummary } from '../../../src-shared/domain/tutor';
import { api } from '../lib/api';
import { chatReducer, emptyChat, streamingMessage, type ChatMessage } from '../routes/tutor/conversation-state';
import { useApiEvent } from './useApiEvent';
import { useContractQuery } from './useContractQuery';
import type { TutorDraft } from './useTutorDraft';
import { useTutorStreams } from './useTutorStreams';

const PAGE = 100;

/** What a finished reply tells the screen: announced once, politely, instead of every token. */
export interface ReplyFinished {
  messageId: string;
  status: 'complete' | 'incomplete' | 'error';
  stopped: boolean;
  text: string;
}

interface Callbacks {
  onReplyFinished?: (reply: ReplyFinished) => void;
  onGoalReached?: () => void;
}

/**
 * One conversation as the chat shows it: the stored messages from `tutor:open`, kept live by the tutor events
 * (deltas appended in order, the finished text, corrections, the goal), plus the calls that change it.
 */
export function useTutorConversation(conversationId: string, callbacks: Callbacks = {}) {
  const queryClient = useQueryClient();
  const openInput = { conversationId, before: null, limit: PAGE };
  const opened = useContractQuery('tutor:open', openInput, { staleTime: 0, refetchOnMount: 'always' });
  const [state, dispatch] = useReducer(chatReducer, conversationId, emptyChat);
  const [snapshot, setSnapshot] = useState<typeof opened.data>(undefined);
  const [olderHasMore, setOlderHasMore] = useState<boolean | null>(null);
  const [goalEvent, setGoalEvent] = useState(false);
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  // A fresh stored state (first load, or a refetch after a rename) is merged in during render, before painting.
  if (opened.data && opened.data !== snapshot) {
    setSnapshot(opened.data);
    dispatch({ type: 'snapshot', messages: opened.data.messages });
  }
  const conversation: Conversation | null = opened.data?.conversation ?? null;
  const scenario: ScenarioSummary | null = opened.data?.scenario ?? null;
  const hasMore = olderHasMore ?? opened.data?.hasMore ?? false;
  const goalReached = goalEvent || (conversation?.goalReachedAt ?? null) !== null;

  const mine = (payload: { conversationId: string }) => payload.conversationId === conversationId;

  useTutorStreams(
    (p) => {
      if (!mine(p)) return;
      dispatch({ type: 'delta', messageId: p.messageId, seq: p.seq, text: p.text, accumulated: p.accumulated });
    },
    (p) => {
      if (!mine(p)) return;
      dispatch({ type: 'done', messageId: p.messageId, status: p.status, text: p.text, error: p.error });
      latest.current.onReplyFinished?.({ messageId: p.messageId, status: p.status, stopped: p.stopped, text: p.text });
      // The stored state catches up with anything this window did not see (a message sent from another window).
      void queryClient.invalidateQueries({ queryKey: ['tutor:open', openInput] });
      void queryClient.invalidateQueries({ queryKey: ['tutor:list'] });
    },
  );
  useApiEvent('tutor:correction', (p) => {
    if (mine(p)) dispatch({ type: 'analysis', messageId: p.messageId, status: p.status, corrections: p.corrections });
  });
  useApiEvent('tutor:goalReached', (p) => {
    if (!mine(p)) return;
    setGoalEvent(true);
    latest.current.onGoalReached?.();
    void queryClient.invalidateQueries({ queryKey: ['tutor:list'] });
  });

  const invalidateLists = useCallback(
    () =>
      Promise.all(
        ['tutor:list', 'tutor:search'].map((name) => queryClient.invalidateQueries({ queryKey: [name] })),
      ),
    [queryClient],
  );

  const loadEarlier = useCallback(async () => {
    const oldest = state.messages.find((m) => !m.pending);
    if (!oldest) return;
    const page = await api.invoke('tutor:open', { conversationId, before: oldest.id, limit: PAGE });
    dispatch({ type: 'older', messages: page.messages });
    setOlderHasMore(page.hasMore);
  }, [conversationId, state.messages]);

  /** Shows the message at once; the caller restores the draft if the core did not take it. */
  const send = useCallback(
    async (draft: TutorDraft) => {
      dispatch({ type: 'pending', id: draft.clientMessageId, text: draft.text });
      try {
        const out = await api.invoke('tutor:send', {
          conversationId,
          text: draft.text,
          clientMessageId: draft.clientMessageId,
        });
        dispatch({ type: 'sent', pendingId: draft.clientMessageId, ...out });
        void invalidateLists();
        return out;
      } catch (error) {
        dispatch({ type: 'unpending', id: draft.clientMessageId });
        throw error;
      }
    },
    [conversationId, invalidateLists],
  );

  const editLast = useCallback(
    async (draft: TutorDraft) => {
      const out = await api.invoke('tutor:editLast', {
        conversationId,
        text: draft.text,
        clientMessageId: draft.clientMessageId,
      });
      dispatch({ type: 'removed', ids: out.replacedMessageIds });
      dispatch({ type: 'sent', pendingId: null, learnerMessage: out.learnerMessage, replyMessageId: out.replyMessageId });
      void invalidateLists();
      return out;
    },
    [conversationId, invalidateLists],
  );

  const regenerate = useCallback(async () => {
    const out = await api.invoke('tutor:regenerate', { conversationId });
    dispatch({ type: 'removed', ids: [out.replacedMessageId] });
    dispatch({ type: 'streaming', messageId: out.replyMessageId });
    void invalidateLists();
  }, [conversationId, invalidateLists]);

  const continueReply = useCallback(async () => {
    const out = await api.invoke('tutor:continue', { conversationId });
    dispatch({ type: 'streaming', messageId: out.replyMessageId });
  }, [conversationId]);

  const stop = useCallback(() => api.invoke('tutor:stop', { conversationId }), [conversationId]);

  const translate = useCallback(async (messageId: string) => {
    const out = await api.invoke('tutor:translate', { messageId });
    dispatch({ type: 'translation', messageId, translation: out.translation });
    return out.translation;
  }, []);

  /** A reply started elsewhere (the tutor opening a scenario). */
  const expectReply = useCallback((messageId: string) => dispatch({ type: 'streaming', messageId }), []);

  const messages: ChatMessage[] = state.conversationId === conversationId ? state.messages : [];
  return {
    opened,
    conversation,
    scenario,
    messages,
    hasMore,
    goalReached,
    streaming: streamingMessage(state),
    loadEarlier,
    send,
    editLast,
    regenerate,
    continueReply,
    stop,
    translate,
    expectReply,
  };
}
