import { useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { useTutorDraft, type TutorDraft } from '../../hooks/useTutorDraft';
import { asApiError } from '../../lib/api-error';

interface Props {
  conversationId: string;
  languageName: string;
  streaming: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onSend: (draft: TutorDraft) => Promise<unknown>;
  onStop: () => void;
  /** Arrow Up in an empty box: edit the last message, as chat apps do. */
  onEditLast: () => void;
}

/** The message box: Enter sends, Shift+Enter breaks the line; what is typed survives navigation and failures. */
export function Composer({ conversationId, languageName, streaming, inputRef, onSend, onStop, onEditLast }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const { draft, setText, clear, restore } = useTutorDraft(conversationId);
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = `composer-hint-${conversationId}`;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (streaming) return;
    const text = draft.text.trim();
    if (!text) {
      setProblem(t('tutor.errors.empty'));
      return;
    }
    setProblem(null);
    const sent = { text, clientMessageId: draft.clientMessageId };
    clear();
    try {
      await onSend(sent);
    } catch (error) {
      restore(sent);
      const why = asApiError(error).code === 'CONFLICT' ? t('tutor.errors.CONFLICT') : describe(error);
      toast.show(`${t('tutor.chat.notSent')} ${why}`, 'error');
    }
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'ArrowUp' && !draft.text) {
      event.preventDefault();
      onEditLast();
    }
  };

  return (
    <form className="composer" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={`composer-${conversationId}`} className="visually-hidden">
        {t('tutor.chat.composerLabel')}
      </label>
      <textarea
        id={`composer-${conversationId}`}
        ref={inputRef}
        className="input chat-input"
        rows={2}
        maxLength={4000}
        placeholder={t('tutor.chat.composerPlaceholder', { language: languageName })}
        aria-describedby={hintId}
        aria-invalid={problem ? true : undefined}
        aria-keyshortcuts="Enter Shift+Enter Escape"
        value={draft.text}
        onChange={(event) => {
          setText(event.target.value);
          if (problem) setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className={problem ? 'field-error' : 'visually-hidden'}>
        {problem ?? `${t('tutor.chat.shortcutSend')}: Enter. ${t('tutor.chat.shortcutNewline')}: Shift+Enter.`}
      </p>
      {streaming ? (
        <button type="button" className="button composer-button" onClick={onStop} aria-keyshortcuts="Escape">
          <Icon name="pause" size={18} />
          {t('tutor.chat.stop')}
          <Kbd>Esc</Kbd>
        </button>
      ) : (
        <button type="submit" className="button button-primary composer-button">
          <Icon name="arrowRight" size={18} />
          {t('tutor.chat.send')}
          <Kbd>Enter</Kbd>
        </button>
      )}
    </form>
  );
}
