import type { ankiContract } from '../../src-shared/contract/anki';
import type { HandlersFor } from './types';

export const ankiHandlers: HandlersFor<typeof ankiContract> = {
  'anki:inspect': ({ fileId }, { services, profileId }) => services.anki.inspect(profileId, fileId),
  'anki:importStart': ({ fileId, mappings }, { services, profileId, session }) => services.anki.startImport(profileId, session.id, fileId, mappings),
  'anki:importResult': ({ jobId }, { services, profileId }) => services.anki.importResult(profileId, jobId),
  'anki:cancel': ({ jobId }, { services, profileId }) => services.anki.cancel(profileId, jobId),
  'anki:exportStart': ({ scope }, { services, profileId, session }) => services.anki.startExport(profileId, session.id, scope),
  'anki:exportResult': ({ jobId }, { services, profileId }) => services.anki.exportResult(profileId, jobId),
  'anki:media': ({ noteId, name }, { services, profileId }) => services.anki.media(profileId, noteId, name),
};
