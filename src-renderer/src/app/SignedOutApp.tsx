import { Navigate, Route, Routes } from 'react-router';
import { SignedOutLayout } from '../routes/SignedOutLayout';
import { Onboarding } from '../routes/onboarding/Onboarding';
import { ProfilePicker } from '../routes/ProfilePicker';
import { SchoolServerSignIn } from '../routes/SchoolServerSignIn';
import { SignIn } from '../routes/SignIn';

export function SignedOutApp() {
  return (
    <Routes>
      <Route element={<SignedOutLayout />}>
        <Route index element={<ProfilePicker />} />
        <Route path="sign-in/:profileId" element={<SignIn />} />
        <Route path="new-profile" element={<Onboarding />} />
        <Route path="school-sign-in" element={<SchoolServerSignIn initiallyOpen />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
