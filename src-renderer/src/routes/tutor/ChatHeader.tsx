import { useTranslation } from 'react-i18next';
import type { Conversation, ScenarioSummary } from '../../../../src-shared/domain/tutor';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { useFrame } from '../../lib/frame-context';

interface Props {
  conversation: Conversation;
  scenario: ScenarioSummary | null;
  goalReached: boolean;
}

/** The conversation's name, its scenario (roles, goal, useful words) and the banner once the goal is reached. */
export function ChatHeader({ conversation, scenario, goalReached }: Props) {
  const { t } = useTranslation();
  const { profile } = useFrame();
  return (
    <header className="chat-header">
      <div className="chat-title-row">
        <h2 className="chat-title">{conversation.title}</h2>
        {scenario && <span className="tag">{scenario.level}</span>}
        <Link to={`/tutor/${conversation.id}/voice`} className="button button-small chat-voice-link">
          <Icon name="voice" size={16} />
          {t('voice.open')}
        </Link>
      </div>
      {scenario && (
        <details className="scenario-details">
          <summary>
            <span className="small-heading">{t('tutor.chat.scenarioLabel')}</span> {scenario.goal}
          </summary>
          <dl className="scenario-facts">
            <div>
              <dt>{t('tutor.start.tutorRole')}</dt>
              <dd>{scenario.tutorRole}</dd>
            </div>
            <div>
              <dt>{t('tutor.start.learnerRole')}</dt>
              <dd>{scenario.learnerRole}</dd>
            </div>
            {scenario.vocabulary.length > 0 && (
              <div>
                <dt>{t('tutor.start.vocabulary')}</dt>
                <dd lang={profile.targetLanguage}>{scenario.vocabulary.join(' · ')}</dd>
              </div>
            )}
          </dl>
        </details>
      )}
      {scenario && goalReached && (
        <div className="goal-banner" role="status">
          <Icon name="check" size={22} />
          <div>
            <p className="goal-banner-title">{t('tutor.chat.goalReached', { title: scenario.title })}</p>
            <p>{t('tutor.chat.goalReachedHint')}</p>
          </div>
        </div>
      )}
    </header>
  );
}
