import type { backupsContract } from '../../src-shared/contract/backups';
import type { HandlersFor } from './types';

export const backupsHandlers: HandlersFor<typeof backupsContract> = {
  'backups:list': (_input, { services, profileId }) => services.backups.list(profileId),
  'backups:create': (_input, { services }) => services.backups.create(),
  'backups:restore': ({ name }, { services, profileId, app }) => {
    services.backups.assertCanRestore(profileId, name);
    return app.restoreBackup(name, { whileRunning: true });
  },
};
