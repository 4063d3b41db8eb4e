import { useTranslation } from 'react-i18next';
import type { TurnTimeline as Timeline } from '../../../../src-shared/domain/voice';

const MARKS = [
  ['transcriptAt', 'voice.timeline.transcript'],
  ['firstTokenAt', 'voice.timeline.firstToken'],
  ['firstAudioPlayedAt', 'voice.timeline.firstAudio'],
  ['bargedInAt', 'voice.timeline.bargedIn'],
] as const;

/** A turn's marks in ms after the end of the learner's speech. */
export function TurnTimeline({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const origin = timeline.speechEndedAt;
  return (
    <section className="voice-card" aria-labelledby="voice-timeline-heading">
      <h3 id="voice-timeline-heading" className="small-heading">
        {t('voice.timeline.heading')}
      </h3>
      <dl className="voice-timeline" aria-label={t('voice.timeline.label')}>
        {MARKS.filter(([key]) => key !== 'bargedInAt' || timeline.bargedInAt !== null).map(([key, label]) => {
          const at = timeline[key];
          const ms = at !== null && origin !== null ? Math.max(0, Math.round(at - origin)) : null;
          return (
            <div key={key} data-mark={key}>
              <dt>{t(label)}</dt>
              <dd>{ms === null ? t('voice.timeline.pending') : t('voice.timeline.ms', { ms })}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
