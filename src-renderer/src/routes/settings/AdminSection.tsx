import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { SettingsSection } from '../../components/SettingsSection';
import { usePolicy } from '../../hooks/usePolicy';
import { AdminAppSettings } from './AdminAppSettings';
import { AdminCreateProfile } from './AdminCreateProfile';
import { AdminResetPassword } from './AdminResetPassword';

/** For the administrator profile: how this computer's profiles are managed. */
export function AdminSection({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const { problems } = usePolicy();
  return (
    <SettingsSection icon="shield" title={t('settings.admin.title')} description={t('settings.admin.description')}>
      <div className="stack-large">
        {problems.length > 0 && (
          <div className="notice notice-warning policy-problems">
            <Icon name="alert" />
            <div>
              <p>{t('settings.admin.policyProblems')}</p>
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <AdminAppSettings />
        <AdminCreateProfile />
        <AdminResetPassword selfId={selfId} />
      </div>
    </SettingsSection>
  );
}
