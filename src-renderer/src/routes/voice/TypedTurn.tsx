import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Without speech recognition the learner types the turn; the tutor still answers aloud. */
export function TypedTurn({ disabled, onSend }: { disabled: boolean; onSend: (text: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value || disabled) return;
    setText('');
    await onSend(value);
  };
  return (
    <form className="voice-card voice-typed" onSubmit={(event) => void submit(event)}>
      <h3 className="small-heading">{t('voice.offline.heading')}</h3>
      <label htmlFor="voice-typed-text">{t('voice.offline.label')}</label>
      <div className="voice-typed-row">
        <input id="voice-typed-text" className="input" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={disabled || !text.trim()}>
          {t('voice.offline.send')}
        </button>
      </div>
    </form>
  );
}
