import type { notesContract } from '../../src-shared/contract/notes';
import type { HandlersFor } from './types';

export const notesHandlers: HandlersFor<typeof notesContract> = {
  'notes:get': ({ noteId }, { services, profileId }) => services.notes.get(profileId, noteId),
  'notes:create': ({ deckId, source, ...fields }, { services, profileId }) => ({
    note: services.notes.create(profileId, deckId, fields, source),
  }),
  'notes:update': ({ noteId, patch }, { services, profileId }) => ({ note: services.notes.update(profileId, noteId, patch) }),
};
