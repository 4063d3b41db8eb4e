import { useTranslation } from 'react-i18next';
import type { AnswerCheck } from '../../../../src-shared/domain/answer-check';
import { Icon } from '../../components/Icon';

/** What the learner typed against the answer, character by character. */
export function AnswerDiff({ typed, check }: { typed: string; check: AnswerCheck }) {
  const { t } = useTranslation();
  return (
    <div className={check.correct ? 'answer-check answer-right' : 'answer-check answer-wrong'}>
      <p className="answer-verdict">
        <Icon name={check.correct ? 'check' : 'close'} />
        {check.correct ? t('review.typed.correct') : t('review.typed.wrong')}
      </p>
      {!check.correct && (
        <>
          <p className="answer-typed">
            <span className="small-heading">{t('review.typed.youTyped')}</span>
            <span className="answer-typed-text">{typed}</span>
          </p>
          <p className="answer-diff" aria-label={t('review.typed.diffLabel')}>
            {check.segments.map((segment, index) =>
              segment.kind === 'same' ? (
                <span key={index}>{segment.text}</span>
              ) : segment.kind === 'extra' ? (
                <del key={index} className="diff-extra" title={t('review.typed.extra')}>
                  {segment.text}
                </del>
              ) : (
                <ins key={index} className="diff-missing" title={t('review.typed.missing')}>
                  {segment.text}
                </ins>
              ),
            )}
          </p>
          <p className="field-hint">{t('review.typed.legend')}</p>
        </>
      )}
    </div>
  );
}
