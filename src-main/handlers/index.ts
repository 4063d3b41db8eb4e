import { appHandlers } from './app';
import { profilesHandlers } from './profiles';
import { secretsHandlers } from './secrets';
import { settingsHandlers } from './settings';
import type { Handlers } from './types';

/** One handler per contract channel; the type fails to check if a channel has none. */
export const handlers: Handlers = { ...appHandlers, ...profilesHandlers, ...settingsHandlers, ...secretsHandlers };
