import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShadowAttempt } from '../../hooks/useVoiceSession';

interface Props {
  lastTutorSentence: string | null;
  listening: boolean;
  attempt: ShadowAttempt | null;
  onBegin: (sentence: string | null) => void;
  language: string;
}

/** Read a sentence aloud; the words come back coloured by how well each was heard. */
export function ShadowingDrill({ lastTutorSentence, listening, attempt, onBegin, language }: Props) {
  const { t } = useTranslation();
  const [sentence, setSentence] = useState('');
  const waiting = attempt !== null && attempt.result === null && attempt.error === null;
  return (
    <section className="voice-card" aria-labelledby="shadow-heading">
      <h3 id="shadow-heading" className="small-heading">
        {t('voice.shadow.heading')}
      </h3>
      <p className="muted">{t('voice.shadow.hint')}</p>
      <label htmlFor="shadow-sentence">{t('voice.shadow.sentenceLabel')}</label>
      <textarea
        id="shadow-sentence"
        className="input"
        lang={language}
        rows={2}
        value={sentence}
        onChange={(e) => setSentence(e.target.value)}
      />
      <div className="actions">
        {lastTutorSentence && (
          <button type="button" className="button button-small" onClick={() => setSentence(lastTutorSentence)}>
            {t('voice.shadow.useLast')}
          </button>
        )}
        {waiting ? (
          <button type="button" className="button button-small" onClick={() => onBegin(null)}>
            {t('voice.shadow.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={!listening || !sentence.trim()}
            onClick={() => onBegin(sentence.trim())}
          >
            {t('voice.shadow.begin')}
          </button>
        )}
      </div>
      {!listening && <p className="muted">{t('voice.shadow.needsListening')}</p>}
      {waiting && <p role="status">{t('voice.shadow.waiting')}</p>}
      {attempt?.error && <p className="form-error">{attempt.error}</p>}
      {attempt?.result && (
        <div role="status">
          <p>{t('voice.shadow.score', { percent: Math.round(attempt.result.score * 100) })}</p>
          <p className="shadow-words" lang={language}>
            {attempt.result.words.map((word, i) => (
              <span key={i} className={`shadow-word shadow-${word.match}`} title={t(`voice.shadow.${word.match}`)}>
                {word.match === 'extra' ? word.heard : word.word}
                <span className="visually-hidden"> ({t(`voice.shadow.${word.match}`)})</span>
              </span>
            ))}
          </p>
          <p className="muted">{t('voice.shadow.heard', { text: attempt.result.transcript })}</p>
        </div>
      )}
    </section>
  );
}
