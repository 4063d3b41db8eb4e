import { ContractError } from '../../src-shared/contract/errors';
import type { browseContract } from '../../src-shared/contract/browse';
import type { HandlersFor } from './types';

// TEMPORARY: replaced by the real handlers while the vocabulary issue is built.
const notBuilt = (): never => {
  throw new ContractError('UNAVAILABLE', 'Not built yet.');
};

export const browseHandlers: HandlersFor<typeof browseContract> = {
  'browse:search': notBuilt,
  'browse:bulk': notBuilt,
  'browse:undo': notBuilt,
};
