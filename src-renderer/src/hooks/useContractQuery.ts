import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../../src-shared/contract';
import { api } from '../lib/api';

interface QueryOptions {
  enabled?: boolean;
}

/** Reads a contract channel through TanStack Query, keyed by [channel, input]. */
export function useContractQuery<C extends Channel>(channel: C, input: Input<C>, options: QueryOptions = {}): UseQueryResult<Output<C>> {
  return useQuery({
    queryKey: [channel, input],
    queryFn: () => api.invoke(channel, input),
    ...options,
  });
}
