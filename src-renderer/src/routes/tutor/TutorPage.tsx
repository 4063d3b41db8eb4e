import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Icon } from '../../components/Icon';
import { useLanguageName } from '../../hooks/useLanguageName';
import { useLlmStatus } from '../../hooks/useLlmStatus';
import { forgetOtherDrafts } from '../../hooks/useTutorDraft';
import { trackTutorStreams } from '../../hooks/useTutorStreams';
import { useFrame } from '../../lib/frame-context';
import { ChatView } from './ChatView';
import { ConversationList } from './ConversationList';
import { OfflinePractice } from './OfflinePractice';
import { ProviderBanner } from './ProviderBanner';
import { StartPanel } from './StartPanel';
import '../../styles/tutor.css';

/**
 * The tutor: conversations on the side; a chat, the scenario library, or offline practice in the main area.
 * `view="practice"` is the offline drills; otherwise `:conversationId` picks the chat.
 */
export function TutorPage({ view = 'chat' }: { view?: 'chat' | 'practice' }) {
  const { t } = useTranslation();
  const { conversationId = null } = useParams();
  const { profile } = useFrame();
  const languageName = useLanguageName();
  const llm = useLlmStatus();
  const practice = view === 'practice';
  useEffect(trackTutorStreams, []);
  useEffect(() => forgetOtherDrafts(profile.id), [profile.id]);

  return (
    <div className="page page-wide tutor-page">
      <header className="page-header page-header-row">
        <div>
          <h1 className="page-title">{t('tutor.title')}</h1>
          <p className="page-subtitle">
            {t('tutor.subtitle', { language: languageName(profile.targetLanguage) })}
          </p>
        </div>
        <div className="actions">
          {practice ? (
            <Link to="/tutor" className="button">
              <Icon name="arrowLeft" size={18} />
              {t('tutor.offline.backToTutor')}
            </Link>
          ) : (
            !llm.offline && (
              <Link to="/tutor/practice" className="button">
                <Icon name="review" size={18} />
                {t('tutor.provider.practise')}
              </Link>
            )
          )}
          {(conversationId || practice) && (
            <Link to="/tutor" className="button button-primary">
              <Icon name="plus" size={18} />
              {t('tutor.newConversation')}
            </Link>
          )}
        </div>
      </header>
      <ProviderBanner showPractice={!practice} />
      <div className="tutor-layout">
        <aside className="tutor-sidebar panel">
          <ConversationList currentId={conversationId} />
        </aside>
        <div className="tutor-main">
          {practice ? (
            <OfflinePractice />
          ) : conversationId ? (
            <ChatView key={conversationId} conversationId={conversationId} />
          ) : (
            <StartPanel />
          )}
        </div>
      </div>
    </div>
  );
}
