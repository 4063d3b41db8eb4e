import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../src-shared/contract/profiles';
import { Avatar } from './Avatar';
import { Icon } from './Icon';

interface Props {
  profile: ProfileSummary;
  busy: boolean;
  disabled: boolean;
  onChoose: () => void;
}

export function ProfileCard({ profile, busy, disabled, onChoose }: Props) {
  const { t } = useTranslation();
  const target = t(`languages.${profile.targetLanguage}`);
  const native = t(`languages.${profile.nativeLanguage}`);
  return (
    <button type="button" className="profile-card" onClick={onChoose} disabled={disabled} aria-busy={busy || undefined}>
      {profile.hasPassword && (
        <span className="profile-card-lock" title={t('picker.locked')}>
          <Icon name="lock" size={16} />
          <span className="visually-hidden">{t('picker.locked')}</span>
        </span>
      )}
      <Avatar name={profile.displayName} size="large" />
      <span className="profile-card-name">{profile.displayName}</span>
      <span className="profile-card-meta">
        {t('picker.learning', { language: target })} ·{' '}
        <abbr title={t(`levels.${profile.level}.name`)}>{profile.level}</abbr>
      </span>
      <span className="profile-card-meta subtle">{t('picker.speaks', { language: native })}</span>
      {profile.isAdmin && <span className="tag">{t('picker.admin')}</span>}
      {busy && <span className="profile-card-busy">{t('picker.signingIn')}</span>}
    </button>
  );
}
