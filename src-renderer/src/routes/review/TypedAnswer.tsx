import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Kbd } from '../../components/Kbd';

interface Props {
  language: string;
  onCheck: (typed: string) => void;
}

/** The answer field of a production card: Enter checks what was typed. */
export function TypedAnswer({ language, onCheck }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCheck(typed);
  };
  return (
    <form className="typed-answer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="typed-answer">
        {t('review.typed.label')}
      </label>
      <input
        id="typed-answer"
        className="input typed-answer-input"
        lang={language}
        autoFocus
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        placeholder={t('review.typed.placeholder')}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      <button type="submit" className="button button-primary" aria-keyshortcuts="Enter">
        {t('review.typed.check')}
        <Kbd>Enter</Kbd>
      </button>
    </form>
  );
}
