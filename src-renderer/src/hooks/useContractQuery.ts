import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../../src-shared/contract';
import { api } from '../lib/api';
import type { ApiError } from '../lib/api-error';

type QueryOptions<C extends Channel> = Pick<
  UseQueryOptions<Output<C>, ApiError>,
  'enabled' | 'staleTime' | 'refetchInterval' | 'placeholderData' | 'refetchOnMount'
>;

/** Reads a contract channel through TanStack Query, keyed by [channel, input]. */
export function useContractQuery<C extends Channel>(
  channel: C,
  input: Input<C>,
  options: QueryOptions<C> = {},
): UseQueryResult<Output<C>> {
  return useQuery({
    queryKey: [channel, input],
    queryFn: () => api.invoke(channel, input),
    ...options,
  });
}
