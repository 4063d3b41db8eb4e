import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../components/Icon';

export type UpcomingScreen = 'tutor' | 'voice' | 'progress';

/** A friendly placeholder for a screen that is not built yet. */
export function ComingSoon({ screen }: { screen: UpcomingScreen }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">{t(`nav.${screen}`)}</h1>
      </header>
      <section className="panel coming-soon">
        <span className="coming-soon-icon">
          <Icon name={screen} size={32} />
        </span>
        <span className="tag">{t('comingSoon.badge')}</span>
        <h2>{t('comingSoon.title')}</h2>
        <p>{t(`comingSoon.${screen}`)}</p>
        <Link to="/" className="button">
          <Icon name="home" />
          {t('comingSoon.backHome')}
        </Link>
      </section>
    </div>
  );
}
