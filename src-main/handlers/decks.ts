import { ContractError } from '../../src-shared/contract/errors';
import type { decksContract } from '../../src-shared/contract/decks';
import type { HandlersFor } from './types';

// TEMPORARY: replaced by the real handlers while the vocabulary issue is built.
const notBuilt = (): never => {
  throw new ContractError('UNAVAILABLE', 'Not built yet.');
};

export const decksHandlers: HandlersFor<typeof decksContract> = {
  'decks:list': notBuilt,
  'decks:create': notBuilt,
  'decks:update': notBuilt,
  'decks:delete': notBuilt,
  'decks:starters': notBuilt,
  'decks:addStarter': notBuilt,
  'decks:getPreset': notBuilt,
  'decks:updatePreset': notBuilt,
  'decks:exportCsv': notBuilt,
};
