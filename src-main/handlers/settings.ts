import type { settingsContract } from '../../src-shared/contract/settings';
import type { HandlersFor } from './types';

export const settingsHandlers: HandlersFor<typeof settingsContract> = {
  'settings:get': (_input, { services, profileId }) => ({ settings: services.settings.get(profileId) }),
  'settings:update': ({ patch }, { services, profileId }) => ({ settings: services.settings.update(profileId, patch) }),
  'settings:getApp': (_input, { services }) => ({ settings: services.settings.getApp() }),
  'settings:updateApp': ({ patch }, { services }) => ({ settings: services.settings.updateApp(patch) }),
};
