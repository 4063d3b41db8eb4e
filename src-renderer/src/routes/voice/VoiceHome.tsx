import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Icon } from '../../components/Icon';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import '../../styles/voice.css';

const RECENT = 8;

/** The Voice screen of the main menu: start a spoken free talk, or pick up a conversation by voice. */
export function VoiceHome() {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const start = useContractMutation('tutor:start');
  const list = useContractQuery('tutor:list', { limit: RECENT, offset: 0 });
  const conversations = list.data?.conversations ?? [];
  const begin = () =>
    start.mutate(
      { scenarioId: null, title: null, tutorOpens: false },
      {
        onSuccess: ({ conversation }) => void navigate(`/tutor/${conversation.id}/voice`),
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );
  return (
    <div className="page voice-page">
      <header className="page-header">
        <h1 className="page-title">{t('voice.title')}</h1>
        <p className="page-subtitle">{t('voice.home.intro')}</p>
      </header>
      <div className="voice-main">
        <div>
          <button type="button" className="button button-primary" disabled={start.isPending} onClick={begin}>
            <Icon name="voice" size={18} />
            {t('voice.home.startNew')}
          </button>
        </div>
        <section className="voice-card" aria-labelledby="voice-recent-heading">
          <h2 id="voice-recent-heading" className="small-heading">
            {t('voice.home.recent')}
          </h2>
          {list.isSuccess && conversations.length === 0 && <p className="muted">{t('voice.home.none')}</p>}
          <ul className="voice-recent">
            {conversations.map((conversation) => (
              <li key={conversation.id}>
                <Link to={`/tutor/${conversation.id}/voice`}>{conversation.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
