import { useTranslation } from 'react-i18next';
import type { ScenarioSummary } from '../../../../src-shared/domain/tutor';
import { Icon } from '../../components/Icon';
import { useFrame } from '../../lib/frame-context';

/** One role-play of the library: what it is, who plays whom, the goal, and a button to start it. */
export function ScenarioCard({ scenario, busy, onStart }: { scenario: ScenarioSummary; busy: boolean; onStart: () => void }) {
  const { t } = useTranslation();
  const { profile } = useFrame();
  const headingId = `scenario-${scenario.id}`;
  return (
    <li className="scenario-card">
      <div className="scenario-card-head">
        <h3 id={headingId} className="scenario-title">
          {scenario.title}
        </h3>
        <span className="tag">{scenario.level}</span>
      </div>
      <p className="scenario-description">{scenario.description}</p>
      <details className="scenario-more">
        <summary>{t('tutor.start.goal')}</summary>
        <p>{scenario.goal}</p>
        <dl className="scenario-facts">
          <div>
            <dt>{t('tutor.start.tutorRole')}</dt>
            <dd>{scenario.tutorRole}</dd>
          </div>
          <div>
            <dt>{t('tutor.start.learnerRole')}</dt>
            <dd>{scenario.learnerRole}</dd>
          </div>
          <div>
            <dt>{t('tutor.start.vocabulary')}</dt>
            <dd lang={profile.targetLanguage}>{scenario.vocabulary.join(' · ')}</dd>
          </div>
        </dl>
      </details>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        aria-label={t('tutor.start.startNamed', { title: scenario.title })}
        onClick={onStart}
      >
        <Icon name="play" size={16} />
        {t('tutor.start.start')}
      </button>
    </li>
  );
}
