import type { appContract } from '../../src-shared/contract/app';
import type { HandlersFor } from './types';

export const appHandlers: HandlersFor<typeof appContract> = {
  'app:info': (_input, { app }) => app.info(),
  'app:openLogsFolder': (_input, { app }) => app.openLogsFolder(),
  'app:restoreBackup': ({ name }, { app }) => app.restoreBackup(name),
};
