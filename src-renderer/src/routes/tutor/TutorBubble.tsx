import { memo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { Icon } from '../../components/Icon';
import { Markdown } from '../../components/tutor/Markdown';
import { useDescribeError } from '../../hooks/useDescribeError';
import { problemText } from './problem-text';
import type { ChatMessage } from './conversation-state';
import { WordCards } from './WordCards';

interface Props {
  message: ChatMessage;
  /** The last message of the conversation: it can be regenerated or continued. */
  isLast: boolean;
  busy: boolean;
  speech: { available: boolean; speak: (text: string) => void; languageName: string };
  onTranslate: (messageId: string) => Promise<string>;
  onRegenerate: () => void;
  onContinue: () => void;
}

/** One reply of the tutor: its markdown, its state, and what the learner can do with it. */
export const TutorBubble = memo(function TutorBubble(props: Props) {
  const { message, isLast, busy, speech, onTranslate, onRegenerate, onContinue } = props;
  const { t } = useTranslation();
  const describe = useDescribeError();
  const body = useRef<HTMLDivElement>(null);
  const [showTranslation, setShowTranslation] = useState(false);
  const [explanation, setExplanation] = useState<string | null>(null);
  const [showWords, setShowWords] = useState(false);
  const [working, setWorking] = useState<'translate' | 'explain' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const streaming = message.status === 'streaming';
  const finished = !streaming && message.text.length > 0;

  const run = async (kind: 'translate' | 'explain', job: () => Promise<void>) => {
    setWorking(kind);
    setFailure(null);
    try {
      await job();
    } catch (error) {
      setFailure(describe(error));
    } finally {
      setWorking(null);
    }
  };

  const translate = () => {
    if (showTranslation) return setShowTranslation(false);
    if (message.translation) return setShowTranslation(true);
    void run('translate', async () => {
      await onTranslate(message.id);
      setShowTranslation(true);
    });
  };

  const explain = () => {
    const selected = window.getSelection();
    const inside = selected && body.current && selected.anchorNode && body.current.contains(selected.anchorNode);
    const selection = inside ? selected.toString().trim().slice(0, 1000) || null : null;
    void run('explain', async () => {
      const out = await api.invoke('tutor:explain', { messageId: message.id, selection });
      setExplanation(out.explanation);
    });
  };

  return (
    <li className="chat-message chat-tutor" data-status={message.status} aria-busy={streaming}>
      <span className="chat-author">{t('tutor.chat.tutor')}</span>
      <div className="chat-bubble" ref={body} hidden={!message.text && !streaming}>
        {message.text && <Markdown text={message.text} />}
        {streaming && (
          <p className="chat-writing">
            <span className="typing-dots" aria-hidden="true" />
            {t('tutor.chat.writing')}
          </p>
        )}
      </div>
      {message.status === 'incomplete' && <p className="chat-state">{t('tutor.chat.incomplete')}</p>}
      {message.status === 'error' && (
        <p className="chat-state chat-state-error" role="alert">
          <Icon name="alert" size={16} />
          {t('tutor.chat.failed')} {problemText(t, message.errorCode, message.error)}
        </p>
      )}
      {showTranslation && message.translation && (
        <div className="chat-aside">
          <h4 className="small-heading">{t('tutor.chat.translation')}</h4>
          <p>{message.translation}</p>
        </div>
      )}
      {explanation && (
        <div className="chat-aside">
          <h4 className="small-heading">{t('tutor.chat.explanation')}</h4>
          <Markdown text={explanation} />
        </div>
      )}
      {failure && (
        <p className="chat-state chat-state-error" role="alert">
          {failure}
        </p>
      )}
      {finished && (
        <div className="chat-actions" role="group" aria-label={t('tutor.chat.actionsLabel')}>
          <button type="button" className="button button-small button-ghost" onClick={translate} disabled={working !== null}>
            <Icon name="arrowRight" size={16} />
            {showTranslation ? t('tutor.chat.hideTranslation') : t('tutor.chat.translate')}
          </button>
          <button type="button" className="button button-small button-ghost" onClick={explain} disabled={working !== null}>
            <Icon name="info" size={16} />
            {t('tutor.chat.explain')}
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => speech.speak(message.text)}
            disabled={!speech.available}
            title={speech.available ? undefined : t('tutor.chat.noVoice', { language: speech.languageName })}
          >
            <Icon name="speaker" size={16} />
            {t('tutor.chat.speak')}
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-expanded={showWords}
            onClick={() => setShowWords((open) => !open)}
          >
            <Icon name="plus" size={16} />
            {t('tutor.chat.saveWords')}
          </button>
          {isLast && (
            <button type="button" className="button button-small button-ghost" onClick={onRegenerate} disabled={busy}>
              <Icon name="undo" size={16} />
              {t('tutor.chat.regenerate')}
            </button>
          )}
        </div>
      )}
      {isLast && !streaming && (message.status === 'incomplete' || (message.status === 'error' && !message.text)) && (
        <div className="chat-actions">
          {message.status === 'incomplete' && (
            <button type="button" className="button button-small" onClick={onContinue} disabled={busy}>
              <Icon name="play" size={16} />
              {t('tutor.chat.continue')}
            </button>
          )}
          {!finished && (
            <button type="button" className="button button-small" onClick={onRegenerate} disabled={busy}>
              <Icon name="undo" size={16} />
              {t('tutor.chat.regenerate')}
            </button>
          )}
        </div>
      )}
      {working && <p className="chat-state">{t('app.loading')}</p>}
      {showWords && <WordCards messageId={message.id} onClose={() => setShowWords(false)} />}
    </li>
  );
});
