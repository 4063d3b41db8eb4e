import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useLanguageName } from '../../hooks/useLanguageName';
import { useSpeech } from '../../hooks/useSpeech';
import { useToast } from '../../hooks/useToast';
import { useTutorConversation, type ReplyFinished } from '../../hooks/useTutorConversation';
import type { TutorDraft } from '../../hooks/useTutorDraft';
import { asApiError } from '../../lib/api-error';
import { useFrame } from '../../lib/frame-context';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { LearnerBubble } from './LearnerBubble';
import { ShortcutList } from './ShortcutList';
import { TutorBubble } from './TutorBubble';

/** How close to the bottom still counts as "reading the latest": the log follows new text only then. */
const FOLLOW_PX = 80;

/** Markdown marks make a spoken announcement noisy. */
const plain = (markdown: string) => markdown.replace(/[*_`#>~]+/g, '').replace(/\s+/g, ' ').trim();

/** One conversation: the messages, live as the reply streams, and the box to answer in. */
export function ChatView({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const languageName = useLanguageName();
  const { profile } = useFrame();
  const target = languageName(profile.targetLanguage);
  const [announcement, setAnnouncement] = useState('');
  const [savedOffline, setSavedOffline] = useState(false);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const { available, speak } = useSpeech(profile.targetLanguage);
  const speech = useMemo(() => ({ available, speak, languageName: target }), [available, speak, target]);

  const onReplyFinished = useCallback(
    (reply: ReplyFinished) => {
      if (reply.stopped) setAnnouncement(t('tutor.chat.stoppedAnnounce'));
      else if (reply.status === 'error') setAnnouncement(t('tutor.chat.failed'));
      else setAnnouncement(t('tutor.chat.replyAnnounce', { text: plain(reply.text) }));
      // Every reply tells whether the model answers: the offline notice follows it.
      void queryClient.invalidateQueries({ queryKey: ['llm:status'] });
    },
    [t, queryClient],
  );
  const chat = useTutorConversation(conversationId, { onReplyFinished });
  const { messages, streaming } = chat;
  const last = messages.at(-1);
  const lastLearner = messages.findLast((m) => m.role === 'learner' && !m.pending);
  const canEdit = !streaming && !busy && lastLearner !== undefined;

  const loaded = !chat.opened.isPending;
  // Once the messages show, the learner can type at once (the frame focused the page on navigation before).
  useEffect(() => {
    if (loaded) input.current?.focus();
  }, [conversationId, loaded]);

  useLayoutEffect(() => {
    const box = log.current;
    if (box && following.current) box.scrollTop = box.scrollHeight;
  }, [messages]);

  const { stop: stopReply, regenerate, continueReply, editLast } = chat;
  const stop = useCallback(() => {
    stopReply().catch((error: unknown) => toast.show(describe(error), 'error'));
  }, [stopReply, toast, describe]);

  useEffect(() => {
    if (!streaming) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [streaming, stop]);

  const afterSend = useCallback(
    (replyMessageId: string | null) => {
      following.current = true;
      setSavedOffline(replyMessageId === null);
      if (replyMessageId === null) void queryClient.invalidateQueries({ queryKey: ['llm:status'] });
    },
    [queryClient],
  );

  const send = async (draft: TutorDraft) => {
    following.current = true;
    const out = await chat.send(draft);
    afterSend(out.replyMessageId);
  };

  const tutorCall = useCallback(
    async (job: () => Promise<unknown>) => {
      setBusy(true);
      try {
        await job();
      } catch (error) {
        const failure = asApiError(error);
        toast.show(failure.code === 'CONFLICT' ? t('tutor.errors.CONFLICT') : describe(error), 'error');
      } finally {
        setBusy(false);
      }
    },
    [t, toast, describe],
  );
  const onRegenerate = useCallback(() => void tutorCall(regenerate), [tutorCall, regenerate]);
  const onContinue = useCallback(() => void tutorCall(continueReply), [tutorCall, continueReply]);

  const resend = useCallback(
    async (text: string): Promise<boolean> => {
      let ok = false;
      await tutorCall(async () => {
        const out = await editLast({ text, clientMessageId: uuidv7() });
        afterSend(out.replyMessageId);
        ok = true;
      });
      if (ok) {
        setEditing(false);
        input.current?.focus();
      }
      return ok;
    },
    [tutorCall, editLast, afterSend],
  );
  const startEdit = useCallback(() => setEditing(true), []);
  const cancelEdit = useCallback(() => {
    setEditing(false);
    input.current?.focus();
  }, []);

  if (chat.opened.isPending) return <LoadingScreen />;
  if (chat.opened.isError && !chat.conversation) {
    const gone = chat.opened.error.code === 'NOT_FOUND';
    return (
      <div className="stack">
        <FormError message={gone ? t('tutor.chat.notFound') : describe(chat.opened.error)} />
        <div className="actions">
          <Link to="/tutor" className="button">
            <Icon name="arrowLeft" />
            {t('tutor.chat.backToList')}
          </Link>
          {!gone && (
            <button type="button" className="button" onClick={() => void chat.opened.refetch()}>
              {t('common.retry')}
            </button>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="chat">
      {chat.conversation && (
        <ChatHeader conversation={chat.conversation} scenario={chat.scenario} goalReached={chat.goalReached} />
      )}
      <div
        ref={log}
        className="chat-log"
        tabIndex={0}
        aria-label={t('tutor.chat.messagesLabel')}
        role="region"
        onScroll={(event) => {
          const box = event.currentTarget;
          following.current = box.scrollHeight - box.scrollTop - box.clientHeight < FOLLOW_PX;
        }}
      >
        {chat.hasMore && (
          <button
            type="button"
            className="button button-small button-ghost chat-earlier"
            onClick={() => void chat.loadEarlier().catch((error: unknown) => toast.show(describe(error), 'error'))}
          >
            {t('tutor.chat.loadEarlier')}
          </button>
        )}
        {messages.length === 0 && (
          <p className="chat-empty">
            {chat.scenario ? t('tutor.chat.emptyScenario') : t('tutor.chat.empty', { language: target })}
          </p>
        )}
        <ol className="chat-messages">
          {messages.map((message) =>
            message.role === 'learner' ? (
              <LearnerBubble
                key={message.id}
                message={message}
                canEdit={canEdit && message.id === lastLearner?.id}
                editing={editing && message.id === lastLearner?.id}
                onEditStart={startEdit}
                onEditCancel={cancelEdit}
                onResend={resend}
              />
            ) : (
              <TutorBubble
                key={message.id}
                message={message}
                isLast={message.id === last?.id}
                busy={busy || streaming !== undefined}
                speech={speech}
                onTranslate={chat.translate}
                onRegenerate={onRegenerate}
                onContinue={onContinue}
              />
            ),
          )}
        </ol>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {savedOffline && (
        <p className="notice notice-warning" role="status">
          <Icon name="alert" />
          <span>{t('tutor.chat.savedOffline')}</span>
          <Link to="/tutor/practice" className="button button-small">
            {t('tutor.provider.practise')}
          </Link>
        </p>
      )}
      <Composer
        conversationId={conversationId}
        languageName={target}
        streaming={streaming !== undefined}
        inputRef={input}
        onSend={send}
        onStop={stop}
        onEditLast={() => canEdit && setEditing(true)}
      />
      <ShortcutList />
    </div>
  );
}
