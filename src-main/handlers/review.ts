import { ContractError } from '../../src-shared/contract/errors';
import type { reviewContract } from '../../src-shared/contract/review';
import type { HandlersFor } from './types';

// TEMPORARY: replaced by the real handlers while the vocabulary issue is built.
const notBuilt = (): never => {
  throw new ContractError('UNAVAILABLE', 'Not built yet.');
};

export const reviewHandlers: HandlersFor<typeof reviewContract> = {
  'review:next': notBuilt,
  'review:answer': notBuilt,
  'review:undo': notBuilt,
  'review:suspend': notBuilt,
  'review:bury': notBuilt,
};
