import type { policyContract } from '../../src-shared/contract/policy';
import type { HandlersFor } from './types';

export const policyHandlers: HandlersFor<typeof policyContract> = {
  'policy:get': (_input, { policy }) => policy.view(),
};
