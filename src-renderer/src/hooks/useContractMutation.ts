import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { contract, type Channel, type Input, type Output } from '../../../src-shared/contract';
import { api } from '../lib/api';
import type { ApiError } from '../lib/api-error';

interface MutationOptions<C extends Channel> {
  /** Runs before the contract's invalidations, e.g. to drop a signed-out profile's cached data first. */
  onSuccess?: (output: Output<C>, input: Input<C>) => void | Promise<void>;
}

/** Calls a contract channel and, once it succeeds, refreshes the queries the contract says it changed. */
export function useContractMutation<C extends Channel>(
  channel: C,
  options: MutationOptions<C> = {},
): UseMutationResult<Output<C>, ApiError, Input<C>> {
  const queryClient = useQueryClient();
  const { onSuccess } = options;
  return useMutation({
    mutationKey: [channel],
    mutationFn: (input: Input<C>) => api.invoke(channel, input),
    onSuccess: async (output, input) => {
      await onSuccess?.(output, input);
      const stale: readonly string[] = contract[channel].invalidates;
      await Promise.all(stale.map((name) => queryClient.invalidateQueries({ queryKey: [name] })));
    },
  });
}
