import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drill } from '../../../../src-shared/domain/tutor';
import { Icon } from '../../components/Icon';
import { useFrame } from '../../lib/frame-context';
import { useLanguageName } from '../../hooks/useLanguageName';

export interface DrillResult {
  correct: boolean;
  expected: string;
}

interface Props {
  drill: Drill;
  result: DrillResult | null;
  busy: boolean;
  onAnswer: (answer: string) => void;
}

/** Word order: tap the words in order; each placed word can be taken back. */
function OrderAnswer({ tokens, disabled, onChange }: { tokens: string[]; disabled: boolean; onChange: (s: string) => void }) {
  const { t } = useTranslation();
  const [placed, setPlaced] = useState<number[]>([]);
  const update = (next: number[]) => {
    setPlaced(next);
    onChange(next.map((i) => tokens[i]).join(' '));
  };
  return (
    <div className="order-drill">
      <p className="small-heading">{t('tutor.offline.sentence')}</p>
      <div className="order-line" aria-live="polite">
        {placed.map((index) => (
          <button
            key={index}
            type="button"
            className="chip order-token"
            disabled={disabled}
            aria-label={t('tutor.offline.removeWord', { word: tokens[index] })}
            onClick={() => update(placed.filter((i) => i !== index))}
          >
            {tokens[index]}
          </button>
        ))}
      </div>
      <p className="small-heading">{t('tutor.offline.words')}</p>
      <div className="order-pool">
        {tokens.map((token, index) =>
          placed.includes(index) ? null : (
            <button
              key={index}
              type="button"
              className="chip order-token"
              disabled={disabled}
              aria-label={t('tutor.offline.placeWord', { word: token })}
              onClick={() => update([...placed, index])}
            >
              {token}
            </button>
          ),
        )}
      </div>
      {placed.length > 0 && !disabled && (
        <button type="button" className="button button-small button-ghost" onClick={() => update([])}>
          {t('tutor.offline.clear')}
        </button>
      )}
    </div>
  );
}

/** One offline exercise: the prompt, a way to answer for its kind, and the verdict from the core. */
export function DrillCard({ drill, result, busy, onAnswer }: Props) {
  const { t } = useTranslation();
  const { profile } = useFrame();
  const languageName = useLanguageName();
  const [answer, setAnswer] = useState('');
  const answered = result !== null;
  const target = profile.targetLanguage;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answered && answer.trim()) onAnswer(answer.trim());
  };

  return (
    <form className="drill-card" onSubmit={submit} noValidate>
      <p className="tag">{t(`tutor.offline.kinds.${drill.kind}`)}</p>
      <p className="drill-instruction">
        {t(`tutor.offline.instructions.${drill.kind}`, { language: languageName(target) })}
      </p>
      {drill.prompt && (
        <p className="drill-prompt" lang={drill.kind === 'cloze' ? target : undefined}>
          {drill.prompt}
        </p>
      )}
      {drill.hint && <p className="field-hint">{t('tutor.offline.hint', { hint: drill.hint })}</p>}
      {drill.kind === 'choice' ? (
        <fieldset className="drill-choices">
          <legend className="visually-hidden">{t('tutor.offline.answer')}</legend>
          {drill.choices.map((choice) => (
            <label key={choice} className="drill-choice" lang={target}>
              <input
                type="radio"
                name={`drill-${drill.noteId}`}
                value={choice}
                disabled={answered}
                checked={answer === choice}
                onChange={() => setAnswer(choice)}
              />
              {choice}
            </label>
          ))}
        </fieldset>
      ) : drill.kind === 'order' ? (
        <OrderAnswer tokens={drill.tokens} disabled={answered} onChange={setAnswer} />
      ) : (
        <div className="field">
          <label htmlFor={`drill-answer-${drill.noteId}`} className="field-label">
            {t('tutor.offline.answer')}
          </label>
          <input
            id={`drill-answer-${drill.noteId}`}
            className="input"
            lang={target}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={2000}
            disabled={answered}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
          />
        </div>
      )}
      {result && (
        <p className={result.correct ? 'drill-verdict drill-right' : 'drill-verdict drill-wrong'} role="status">
          <Icon name={result.correct ? 'check' : 'close'} />
          {result.correct ? t('tutor.offline.correct') : t('tutor.offline.wrong', { expected: result.expected })}
        </p>
      )}
      {!answered && (
        <div>
          <button type="submit" className="button button-primary" disabled={busy || !answer.trim()}>
            {t('tutor.offline.check')}
          </button>
        </div>
      )}
    </form>
  );
}
