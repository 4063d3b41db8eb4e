import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Profile } from '../../../src-shared/contract/profiles';
import type { ProfileSettings } from '../../../src-shared/domain/settings';
import { starterStep } from '../lib/starter-step';
import { AppFrame } from '../routes/AppFrame';
import { BrowsePage } from '../routes/browse/BrowsePage';
import { AnkiImportPage } from '../routes/decks/AnkiImportPage';
import { DecksPage } from '../routes/decks/DecksPage';
import { Home } from '../routes/Home';
import { StarterStep } from '../routes/onboarding/StarterStep';
import { ProgressPage } from '../routes/progress/ProgressPage';
import { WeeklyReportPage } from '../routes/progress/WeeklyReportPage';
import { ReviewPage } from '../routes/review/ReviewPage';
import { SettingsPage } from '../routes/settings/SettingsPage';
import { SignedOutLayout } from '../routes/SignedOutLayout';
import { TutorPage } from '../routes/tutor/TutorPage';
import { VoiceHome } from '../routes/voice/VoiceHome';
import { VoicePage } from '../routes/voice/VoicePage';

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
        <Route path="tutor" element={<TutorPage />} />
        <Route path="tutor/practice" element={<TutorPage view="practice" />} />
        <Route path="tutor/:conversationId" element={<TutorPage />} />
        <Route path="tutor/:conversationId/voice" element={<VoicePage />} />
        <Route path="voice" element={<VoiceHome />} />
        <Route path="progress" element={<ProgressPage />} />
        <Route path="progress/report" element={<WeeklyReportPage />} />
        <Route path="decks" element={<DecksPage />} />
        <Route path="decks/anki" element={<AnkiImportPage />} />
        <Route path="browse" element={<BrowsePage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
