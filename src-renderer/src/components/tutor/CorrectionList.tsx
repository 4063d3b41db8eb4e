import { useTranslation } from 'react-i18next';
import type { Correction } from '../../../../src-shared/domain/corrections';
import type { AnalysisStatus } from '../../../../src-shared/domain/tutor';
import { Icon } from '../Icon';
import { correctionDiff, type DiffPiece } from './correction-diff';

function Pieces({ pieces, kind }: { pieces: DiffPiece[]; kind: 'before' | 'after' }) {
  return (
    <>
      {pieces.map((piece, index) =>
        !piece.changed ? (
          <span key={index}>{piece.text}</span>
        ) : kind === 'before' ? (
          <del key={index} className="diff-extra">
            {piece.text}
          </del>
        ) : (
          <ins key={index} className="diff-missing">
            {piece.text}
          </ins>
        ),
      )}
    </>
  );
}

function CorrectionItem({ correction }: { correction: Correction }) {
  const { t } = useTranslation();
  const { before, after } = correctionDiff(correction.original, correction.corrected);
  return (
    <li className={`correction correction-${correction.severity}`}>
      <p className="correction-change">
        <span className="visually-hidden">{t('tutor.corrections.before')}: </span>
        <span className="correction-before">
          <Pieces pieces={before} kind="before" />
        </span>
        <span className="correction-arrow" aria-hidden="true">
          →
        </span>
        <span className="visually-hidden">, {t('tutor.corrections.after')}: </span>
        <span className="correction-after">
          <Pieces pieces={after} kind="after" />
        </span>
      </p>
      <p className="correction-why">
        <span className="tag">{t(`tutor.corrections.categories.${correction.category}`)}</span>
        <span className="correction-severity">{t(`tutor.corrections.severities.${correction.severity}`)}</span>
        <span>{correction.explanation}</span>
      </p>
    </li>
  );
}

/** Under a learner message: what the tutor corrected, old → new with the changed words marked, and why. */
export function CorrectionList({ analysis, corrections }: { analysis: AnalysisStatus; corrections: Correction[] }) {
  const { t } = useTranslation();
  if (analysis === 'none') return null;
  if (analysis === 'pending') return <p className="correction-note">{t('tutor.corrections.checking')}</p>;
  if (analysis === 'failed') return <p className="correction-note">{t('tutor.corrections.failed')}</p>;
  if (corrections.length === 0) {
    return (
      <p className="correction-note correction-ok">
        <Icon name="check" size={14} />
        {t('tutor.corrections.none')}
      </p>
    );
  }
  return (
    <section className="corrections" aria-label={t('tutor.corrections.heading', { count: corrections.length })}>
      <h4 className="small-heading">{t('tutor.corrections.heading', { count: corrections.length })}</h4>
      <ul className="correction-list">
        {corrections.map((correction, index) => (
          <CorrectionItem key={index} correction={correction} />
        ))}
      </ul>
    </section>
  );
}
