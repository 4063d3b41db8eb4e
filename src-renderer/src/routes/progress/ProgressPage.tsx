import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useDashboard } from '../../hooks/useProgress';
import { AchievementsPanel } from './AchievementsPanel';
import { DASHBOARD_PANELS } from './dashboard-panels';
import { StatTiles } from './StatTiles';
import './progress.css';

/** The progress dashboard: headline numbers, charts with table views, achievements. */
export function ProgressPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const dashboard = useDashboard();
  return (
    <div className="page progress-page">
      <header className="page-header page-header-row">
        <div>
          <h1 className="page-title">{t('stats.title')}</h1>
          <p className="page-subtitle">{t('stats.subtitle')}</p>
        </div>
        <div className="actions">
          <Link to="/progress/report" className="button">
            <Icon name="download" size={18} />
            {t('stats.reportLink')}
          </Link>
        </div>
      </header>
      {dashboard.isPending ? (
        <LoadingScreen />
      ) : dashboard.isError ? (
        <FormError message={describe(dashboard.error)} />
      ) : (
        <>
          <StatTiles dashboard={dashboard.data} />
          <div className="progress-panels">
            {DASHBOARD_PANELS.map((panel) => (
              <div key={panel.key} className={`progress-panel progress-panel-${panel.key}`}>
                {panel.render(dashboard.data)}
              </div>
            ))}
          </div>
          <AchievementsPanel />
        </>
      )}
    </div>
  );
}
