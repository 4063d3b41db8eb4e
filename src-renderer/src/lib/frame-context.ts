import { useOutletContext } from 'react-router';
import type { Profile } from '../../../src-shared/contract/profiles';
import type { ProfileSettings } from '../../../src-shared/domain/settings';

/** What every signed-in screen may read: the profile and its settings, already loaded by the session gate. */
export interface FrameContext {
  profile: Profile;
  settings: ProfileSettings;
}

export function useFrame(): FrameContext {
  return useOutletContext<FrameContext>();
}
