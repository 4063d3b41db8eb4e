import { useTranslation } from 'react-i18next';
import { useFrame } from '../../lib/frame-context';
import { AdminSection } from './AdminSection';
import { AppearanceSection } from './AppearanceSection';
import { LearningSection } from './LearningSection';
import { LogsSection } from './LogsSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { SecretsSection } from './SecretsSection';
import { SyncSection } from './SyncSection';
import { TutorProviderSection } from './TutorProviderSection';
import { VoiceSection } from './VoiceSection';
import { YourDataSection } from './YourDataSection';

export function SettingsPage() {
  const { t } = useTranslation();
  const { profile, settings } = useFrame();
  return (
    <div className="page settings-page">
      <header className="page-header">
        <h1 className="page-title">{t('settings.title')}</h1>
        <p className="page-subtitle">{t('settings.subtitle')}</p>
      </header>
      <ProfileSection key={profile.id} profile={profile} />
      <AppearanceSection profile={profile} settings={settings} />
      <LearningSection settings={settings} />
      <TutorProviderSection />
      <VoiceSection />
      <PasswordSection hasPassword={profile.hasPassword} />
      <SyncSection />
      <SecretsSection />
      <LogsSection />
      {profile.isAdmin && <AdminSection selfId={profile.id} />}
      <YourDataSection profile={profile} />
    </div>
  );
}
