import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon, type IconName } from '../components/Icon';
import { useFrame } from '../lib/frame-context';
import { TodayPanel } from './TodayPanel';

const practice = [
  { key: 'tutor', icon: 'tutor', to: '/tutor' },
  { key: 'voice', icon: 'voice', to: '/voice' },
] as const satisfies readonly { key: string; icon: IconName; to: string }[];

export function Home() {
  const { t } = useTranslation();
  const { profile, settings } = useFrame();
  const language = t(`languages.${profile.targetLanguage}`);
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">{t('home.greeting', { name: profile.displayName })}</h1>
        <p className="page-subtitle">{t('home.subtitle', { count: settings.dailyGoalMinutes, language })}</p>
      </header>
      <dl className="stat-row">
        <div className="stat">
          <dt>{t('home.learning')}</dt>
          <dd>{language}</dd>
        </div>
        <div className="stat">
          <dt>{t('home.level')}</dt>
          <dd>
            {profile.level} · {t(`levels.${profile.level}.name`)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('home.dailyGoal')}</dt>
          <dd>{t('home.minutes', { count: settings.dailyGoalMinutes })}</dd>
        </div>
      </dl>
      <TodayPanel />
      <h2 className="section-heading">{t('home.nextTitle')}</h2>
      <ul className="card-grid">
        {practice.map((item) => (
          <li key={item.key}>
            <Link to={item.to} className="feature-card">
              <span className="feature-icon">
                <Icon name={item.icon} size={22} />
              </span>
              <span className="feature-title">{t(`nav.${item.key}`)}</span>
              <span className="feature-text">{t(`comingSoon.${item.key}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
