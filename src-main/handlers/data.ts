import type { dataContract } from '../../src-shared/contract/data';
import type { HandlersFor } from './types';

export const dataHandlers: HandlersFor<typeof dataContract> = {
  'data:exportStart': (_input, { services, profileId, session }) => services.data.startExport(profileId, session.id),
  'data:exportResult': ({ jobId }, { services, profileId }) => services.data.exportResult(profileId, jobId),
  'data:cancel': ({ jobId }, { services, profileId }) => services.data.cancel(profileId, jobId),
  'data:readFile': ({ fileId, offset }, { services, profileId }) => services.data.readFile(profileId, fileId, offset),
};
