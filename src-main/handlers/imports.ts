import type { importsContract } from '../../src-shared/contract/imports';
import type { HandlersFor } from './types';

export const importsHandlers: HandlersFor<typeof importsContract> = {
  'import:csvPreview': ({ fileId, ...options }, { services, profileId }) => services.imports.preview(profileId, fileId, options),
  'import:csvStart': (input, { services, profileId, session }) => services.imports.start(profileId, session.id, input),
  'import:result': ({ jobId }, { services, profileId }) => services.imports.result(profileId, jobId),
  'import:cancel': ({ jobId }, { services, profileId }) => services.imports.cancel(profileId, jobId),
};
