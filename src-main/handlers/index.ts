import { appHandlers } from './app';
import { browseHandlers } from './browse';
import { decksHandlers } from './decks';
import { importsHandlers } from './imports';
import { notesHandlers } from './notes';
import { optimizerHandlers } from './optimizer';
import { policyHandlers } from './policy';
import { reviewHandlers } from './review';
import { profilesHandlers } from './profiles';
import { secretsHandlers } from './secrets';
import { settingsHandlers } from './settings';
import type { Handlers } from './types';

/** One handler per contract channel; the type fails to check if a channel has none. */
export const handlers: Handlers = {
  ...appHandlers,
  ...profilesHandlers,
  ...settingsHandlers,
  ...secretsHandlers,
  ...decksHandlers,
  ...notesHandlers,
  ...reviewHandlers,
  ...importsHandlers,
  ...browseHandlers,
  ...optimizerHandlers,
  ...policyHandlers,
};
