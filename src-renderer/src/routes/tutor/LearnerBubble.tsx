import { memo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { CorrectionList } from '../../components/tutor/CorrectionList';
import type { ChatMessage } from './conversation-state';
import { WordCards } from './WordCards';

interface Props {
  message: ChatMessage;
  /** The learner's last message, which can be edited and sent again while no reply streams. */
  canEdit: boolean;
  editing: boolean;
  onEditStart: () => void;
  onEditCancel: () => void;
  onResend: (text: string) => Promise<boolean>;
}

function EditForm({ initial, onCancel, onResend }: { initial: string; onCancel: () => void; onResend: Props['onResend'] }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    const ok = await onResend(text.trim());
    if (!ok) setBusy(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <form className="chat-edit" onSubmit={(event) => void submit(event)}>
      <label className="visually-hidden" htmlFor="tutor-edit-last">
        {t('tutor.chat.editLabel')}
      </label>
      <textarea
        id="tutor-edit-last"
        className="input chat-input"
        rows={2}
        autoFocus
        value={text}
        maxLength={4000}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="actions">
        <button type="button" className="button button-small button-ghost" onClick={onCancel}>
          {t('tutor.chat.cancelEdit')}
        </button>
        <button type="submit" className="button button-small button-primary" disabled={busy || !text.trim()}>
          {t('tutor.chat.resend')}
        </button>
      </div>
    </form>
  );
}

/** One message of the learner, with the corrections under it and the words worth keeping from them. */
export const LearnerBubble = memo(function LearnerBubble(props: Props) {
  const { message, canEdit, editing, onEditStart, onEditCancel, onResend } = props;
  const { t } = useTranslation();
  const [showWords, setShowWords] = useState(false);
  const hasCorrections = message.analysis === 'done' && message.corrections.length > 0;
  return (
    <li className="chat-message chat-learner" data-pending={message.pending || undefined}>
      <span className="chat-author">{t('tutor.chat.you')}</span>
      {editing ? (
        <EditForm initial={message.text} onCancel={onEditCancel} onResend={onResend} />
      ) : (
        <div className="chat-bubble">
          <p className="chat-plain">{message.text}</p>
        </div>
      )}
      {message.pending && <p className="chat-state">{t('tutor.chat.sending')}</p>}
      {!message.pending && <CorrectionList analysis={message.analysis} corrections={message.corrections} />}
      {!editing && !message.pending && (canEdit || hasCorrections) && (
        <div className="chat-actions">
          {canEdit && (
            <button type="button" className="button button-small button-ghost" onClick={onEditStart}>
              <Icon name="edit" size={16} />
              {t('tutor.chat.edit')}
            </button>
          )}
          {hasCorrections && (
            <button
              type="button"
              className="button button-small button-ghost"
              aria-expanded={showWords}
              onClick={() => setShowWords((open) => !open)}
            >
              <Icon name="plus" size={16} />
              {t('tutor.chat.saveWords')}
            </button>
          )}
        </div>
      )}
      {showWords && <WordCards messageId={message.id} onClose={() => setShowWords(false)} />}
    </li>
  );
});
