import type { decksContract } from '../../src-shared/contract/decks';
import type { HandlersFor } from './types';

export const decksHandlers: HandlersFor<typeof decksContract> = {
  'decks:list': (_input, { services, profileId }) => ({ decks: services.decks.list(profileId) }),
  'decks:create': (input, { services, profileId }) => ({ deck: services.decks.create(profileId, input) }),
  'decks:update': ({ deckId, ...changes }, { services, profileId }) => ({
    deck: services.decks.update(profileId, deckId, changes),
  }),
  'decks:delete': ({ deckId, confirmation }, { services, profileId }) => ({
    deletedNotes: services.decks.delete(profileId, deckId, confirmation),
  }),
  'decks:starters': (_input, { services, profileId }) => ({ starters: services.decks.starters(profileId) }),
  'decks:addStarter': ({ starterId }, { services, profileId }) => ({
    deck: services.decks.addStarter(profileId, starterId),
  }),
  'decks:getPreset': ({ deckId }, { services, profileId }) => ({ preset: services.decks.getPreset(profileId, deckId) }),
  'decks:updatePreset': ({ presetId, patch }, { services, profileId }) => ({
    preset: services.decks.updatePreset(profileId, presetId, patch),
  }),
  'decks:exportCsv': ({ deckId }, { services, profileId }) => services.decks.exportCsv(profileId, deckId),
};
