import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { contract, isChannel } from '../../../src-shared/contract';
import { ApiError } from './api-error';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

const CURRENT_PROFILE = ['profiles:current'];

/** Only a dropped connection is worth retrying; an answer from the core will be the same the second time. */
function shouldRetry(failureCount: number, error: ApiError): boolean {
  return error.code === 'UNAVAILABLE' && failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // When the core says this session is signed out (it restarted, or a profile was removed elsewhere), ask again
  // who is signed in so the UI returns to the profile picker instead of showing errors.
  const onError = (error: Error, channel: unknown) => {
    if (
      error instanceof ApiError &&
      error.code === 'UNAUTHENTICATED' &&
      channel !== 'profiles:current' &&
      !error.transportProblem
    ) {
      void queryClient.invalidateQueries({ queryKey: CURRENT_PROFILE });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey[0]) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error, null) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

/** After signing out: no profile, and nothing cached that belonged to the profile. */
export function forgetSignedInData(queryClient: QueryClient): void {
  queryClient.setQueryData(['profiles:current', {}], { profile: null });
  queryClient.removeQueries({
    predicate: (query) => {
      const channel = query.queryKey[0];
      return typeof channel === 'string' && isChannel(channel) && contract[channel].access !== 'public';
    },
  });
}
