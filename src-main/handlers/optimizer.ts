import { ContractError } from '../../src-shared/contract/errors';
import type { optimizerContract } from '../../src-shared/contract/optimizer';
import type { HandlersFor } from './types';

// TEMPORARY: replaced by the real handlers while the vocabulary issue is built.
const notBuilt = (): never => {
  throw new ContractError('UNAVAILABLE', 'Not built yet.');
};

export const optimizerHandlers: HandlersFor<typeof optimizerContract> = {
  'optimizer:run': notBuilt,
  'optimizer:result': notBuilt,
  'optimizer:accept': notBuilt,
};
