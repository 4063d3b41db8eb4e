import { useQueryClient } from '@tanstack/react-query';
import { useContractQuery } from './useContractQuery';
import { useJobProgress } from './useJobProgress';

const POLL_MS = 500;

/** Follows an optimizer run: its progress events, and its result polled until it ends. */
export function useOptimizerJob(jobId: string | null) {
  const queryClient = useQueryClient();
  const input = { jobId: jobId ?? '' };
  const progress = useJobProgress(
    jobId,
    () => void queryClient.invalidateQueries({ queryKey: ['optimizer:result', input] }),
  );
  const result = useContractQuery('optimizer:result', input, {
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const data = jobId !== null && result.data?.jobId === jobId ? result.data : null;
  return { result: data, error: result.error, done: progress?.done ?? 0, total: progress?.total ?? 0 };
}
