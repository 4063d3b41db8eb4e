import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Profile } from '../../../src-shared/contract/profiles';
import type { ProfileSettings } from '../../../src-shared/domain/settings';
import { starterStep } from '../lib/starter-step';
import { AppFrame } from '../routes/AppFrame';
import { BrowsePage } from '../routes/browse/BrowsePage';
import { ComingSoon } from '../routes/ComingSoon';
import { DecksPage } from '../routes/decks/DecksPage';
import { Home } from '../routes/Home';
import { StarterStep } from '../routes/onboarding/StarterStep';
import { ReviewPage } from '../routes/review/ReviewPage';
import { SettingsPage } from '../routes/settings/SettingsPage';
import { SignedOutLayout } from '../routes/SignedOutLayout';

const WELCOME = '/welcome';

export function SignedInApp({ profile, settings }: { profile: Profile; settings: ProfileSettings }) {
  const { pathname } = useLocation();
  if (starterStep.isDue(profile.id) && pathname !== WELCOME) return <Navigate to={WELCOME} replace />;
  return (
    <Routes>
      <Route element={<SignedOutLayout />}>
        <Route path={WELCOME} element={<StarterStep profile={profile} />} />
      </Route>
      <Route element={<AppFrame profile={profile} settings={settings} />}>
        <Route index element={<Home />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="review/:deckId" element={<ReviewPage />} />
        <Route path="tutor" element={<ComingSoon screen="tutor" />} />
        <Route path="voice" element={<ComingSoon screen="voice" />} />
        <Route path="progress" element={<ComingSoon screen="progress" />} />
        <Route path="decks" element={<DecksPage />} />
        <Route path="browse" element={<BrowsePage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
