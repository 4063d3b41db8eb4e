import { useTranslation } from 'react-i18next';
import type { FluencyMetrics } from '../../../../src-shared/domain/voice';

const one = (value: number) => (Math.round(value * 10) / 10).toLocaleString();

/** The fluency figures of one turn, or of the session. */
export function FluencyCard({ heading, fluency }: { heading: string; fluency: FluencyMetrics | null }) {
  const { t } = useTranslation();
  return (
    <section className="voice-card" aria-label={heading}>
      <h3 className="small-heading">{heading}</h3>
      {fluency === null ? (
        <p className="muted">{t('voice.fluency.none')}</p>
      ) : (
        <dl className="fluency-grid">
          <div>
            <dt>{t('voice.fluency.wpm')}</dt>
            <dd>{Math.round(fluency.wordsPerMinute)}</dd>
          </div>
          <div>
            <dt>{t('voice.fluency.sps')}</dt>
            <dd>{one(fluency.syllablesPerSecond)}</dd>
          </div>
          <div>
            <dt>{t('voice.fluency.articulation')}</dt>
            <dd>{one(fluency.articulationRate)}</dd>
          </div>
          <div>
            <dt>{t('voice.fluency.pauses')}</dt>
            <dd>{t('voice.fluency.pauseValue', { count: fluency.pauseCount, ms: Math.round(fluency.meanPauseMs) })}</dd>
          </div>
          <div>
            <dt>{t('voice.fluency.run')}</dt>
            <dd>{one(fluency.meanLengthOfRun)}</dd>
          </div>
          <div>
            <dt>{t('voice.fluency.fillers')}</dt>
            <dd>
              {fluency.fillers === 0
                ? t('voice.fluency.fillersNone')
                : `${fluency.fillers} (${fluency.fillerWords.join(', ')})`}
            </dd>
          </div>
          <div>
            <dt>{t('voice.fluency.pitch')}</dt>
            <dd>
              {fluency.pitchRangeSemitones === null
                ? t('voice.fluency.unknown')
                : t('voice.fluency.pitchValue', { value: one(fluency.pitchRangeSemitones) })}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
