import type { optimizerContract } from '../../src-shared/contract/optimizer';
import type { HandlersFor } from './types';

export const optimizerHandlers: HandlersFor<typeof optimizerContract> = {
  'optimizer:run': ({ presetId }, { services, profileId, session }) =>
    services.optimizer.run(profileId, session.id, presetId),
  'optimizer:result': ({ jobId }, { services, profileId }) => services.optimizer.result(profileId, jobId),
  'optimizer:accept': ({ jobId }, { services, profileId }) => services.optimizer.accept(profileId, jobId),
  'optimizer:cancel': ({ jobId }, { services, profileId }) => services.optimizer.cancel(profileId, jobId),
};
