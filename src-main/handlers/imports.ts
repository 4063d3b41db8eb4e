import { ContractError } from '../../src-shared/contract/errors';
import type { importsContract } from '../../src-shared/contract/imports';
import type { HandlersFor } from './types';

// TEMPORARY: replaced by the real handlers while the vocabulary issue is built.
const notBuilt = (): never => {
  throw new ContractError('UNAVAILABLE', 'Not built yet.');
};

export const importsHandlers: HandlersFor<typeof importsContract> = {
  'import:csvPreview': notBuilt,
  'import:csvStart': notBuilt,
  'import:result': notBuilt,
  'import:cancel': notBuilt,
};
