import { useContractQuery } from './useContractQuery';

/** The dashboard; asked again every two seconds while the words-known estimate is being worked out. */
export function useDashboard() {
  return useContractQuery(
    'progress:dashboard',
    {},
    {
      refetchInterval: (query) => (query.state.data?.words.pending ? 2000 : false),
    },
  );
}
