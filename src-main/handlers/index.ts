import { appHandlers } from './app';
import { ankiHandlers } from './anki';
import { backupsHandlers } from './backups';
import { dataHandlers } from './data';
import { browseHandlers } from './browse';
import { decksHandlers } from './decks';
import { importsHandlers } from './imports';
import { llmHandlers } from './llm';
import { notesHandlers } from './notes';
import { optimizerHandlers } from './optimizer';
import { policyHandlers } from './policy';
import { reviewHandlers } from './review';
import { profilesHandlers } from './profiles';
import { progressHandlers } from './progress';
import { secretsHandlers } from './secrets';
import { settingsHandlers } from './settings';
import { tutorHandlers } from './tutor';
import { syncHandlers } from './sync';
import { voiceHandlers } from './voice';
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
  ...llmHandlers,
  ...tutorHandlers,
  ...syncHandlers,
  ...ankiHandlers,
  ...backupsHandlers,
  ...dataHandlers,
  ...progressHandlers,
  ...voiceHandlers,
};
