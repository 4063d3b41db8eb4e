import { LoadingScreen } from '../components/LoadingScreen';
import { useAppearance } from '../hooks/useAppearance';
import { useContractQuery } from '../hooks/useContractQuery';
import { useSignedOutEvent } from '../hooks/useSignedOutEvent';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { resolveUiLanguage } from '../lib/ui-language';
import { ConnectionProblem } from '../routes/ConnectionProblem';
import { SignedInApp } from './SignedInApp';
import { SignedOutApp } from './SignedOutApp';

/** Second question: is a profile signed in in this window? Also applies its language and theme. */
export function SessionGate() {
  const current = useContractQuery('profiles:current', {});
  const appSettings = useContractQuery('settings:getApp', {});
  const profile = current.data?.profile ?? null;
  const settings = useContractQuery('settings:get', {}, { enabled: profile !== null });
  const profileSettings = profile ? settings.data?.settings : undefined;

  useSignedOutEvent();
  useAppearance(profileSettings);
  useUiLanguage(
    resolveUiLanguage(
      profileSettings?.uiLanguage,
      profile?.nativeLanguage,
      appSettings.data?.settings.defaultUiLanguage ?? 'en',
    ),
  );

  if (current.isError) return <ConnectionProblem error={current.error} onRetry={() => void current.refetch()} />;
  if (current.isPending || appSettings.isPending) return <LoadingScreen />;
  if (!profile) return <SignedOutApp />;
  if (settings.isError) return <ConnectionProblem error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!profileSettings) return <LoadingScreen />;
  return <SignedInApp profile={profile} settings={profileSettings} />;
}
