import type { browseContract } from '../../src-shared/contract/browse';
import type { HandlersFor } from './types';

export const browseHandlers: HandlersFor<typeof browseContract> = {
  'browse:search': (input, { services, profileId }) => services.browse.search(profileId, input),
  'browse:bulk': ({ cardIds, action }, { services, profileId }) => services.browse.bulk(profileId, cardIds, action),
  'browse:undo': ({ undoId }, { services, profileId }) => services.browse.undo(profileId, undoId),
};
