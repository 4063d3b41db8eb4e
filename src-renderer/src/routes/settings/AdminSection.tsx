import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../../components/SettingsSection';
import { AdminAppSettings } from './AdminAppSettings';
import { AdminCreateProfile } from './AdminCreateProfile';
import { AdminResetPassword } from './AdminResetPassword';

/** For the administrator profile: how this computer's profiles are managed. */
export function AdminSection({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  return (
    <SettingsSection icon="shield" title={t('settings.admin.title')} description={t('settings.admin.description')}>
      <div className="stack-large">
        <AdminAppSettings />
        <AdminCreateProfile />
        <AdminResetPassword selfId={selfId} />
      </div>
    </SettingsSection>
  );
}
