import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { ProfileSummary } from '../../../src-shared/contract/profiles';
import { FormError } from '../components/FormError';
import { Icon } from '../components/Icon';
import { LoadingScreen } from '../components/LoadingScreen';
import { ProfileCard } from '../components/ProfileCard';
import { useContractMutation } from '../hooks/useContractMutation';
import { useContractQuery } from '../hooks/useContractQuery';
import { useDescribeError } from '../hooks/useDescribeError';
import { pickerNoticeOf } from './picker-notice';
import { SchoolServerSignIn } from './SchoolServerSignIn';

/** "Who's learning today?": every profile on this computer; the very first run goes straight to onboarding. */
export function ProfilePicker() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const describe = useDescribeError();
  const list = useContractQuery('profiles:list', {});
  const signIn = useContractMutation('profiles:signIn');
  const [failure, setFailure] = useState<string | null>(null);
  const notice = pickerNoticeOf(location.state);

  if (list.isPending) return <LoadingScreen />;
  if (list.isError) return <FormError message={describe(list.error)} />;
  const { profiles, canCreate } = list.data;
  if (profiles.length === 0 && canCreate) {
    // An empty list from before a change (a profile brought down by the school server) is checked again first.
    if (list.isFetching) return <LoadingScreen />;
    return <Navigate to="/new-profile" replace />;
  }

  const choose = (profile: ProfileSummary) => {
    setFailure(null);
    if (profile.hasPassword) {
      void navigate(`/sign-in/${profile.id}`);
      return;
    }
    signIn.mutate({ profileId: profile.id }, { onError: (error) => setFailure(describe(error)) });
  };

  return (
    <section className="picker" aria-labelledby="picker-title">
      <h1 id="picker-title" className="page-title centered">
        {t('picker.title')}
      </h1>
      <p className="page-subtitle centered">{t('picker.subtitle')}</p>
      {notice && (
        <p className="notice" role="status">
          <Icon name="info" />
          {t(`picker.signedOut.${notice}`)}
        </p>
      )}
      <FormError message={failure} />
      <ul className="profile-grid">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <ProfileCard
              profile={profile}
              busy={signIn.isPending && signIn.variables?.profileId === profile.id}
              disabled={signIn.isPending}
              onChoose={() => choose(profile)}
            />
          </li>
        ))}
        {canCreate && (
          <li>
            <Link to="/new-profile" className="profile-card profile-card-new">
              <span className="avatar avatar-large avatar-new" aria-hidden="true">
                <Icon name="plus" size={28} />
              </span>
              <span className="profile-card-name">{t('picker.newProfile')}</span>
              <span className="profile-card-meta">{t('picker.newProfileHint')}</span>
            </Link>
          </li>
        )}
      </ul>
      {!canCreate && <p className="field-hint centered">{t('picker.adminCreates')}</p>}
      <SchoolServerSignIn />
    </section>
  );
}
