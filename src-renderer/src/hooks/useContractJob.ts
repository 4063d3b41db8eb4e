import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { contract, type Input } from '../../../src-shared/contract';
import { useContractQuery } from './useContractQuery';
import { useJobProgress } from './useJobProgress';

const POLL_MS = 400;
type ResultChannel = 'anki:importResult' | 'anki:exportResult' | 'data:exportResult';

/**
 * Follows a job whose result has its own channel (Anki import and export, the profile archive): progress events
 * as they come, the result polled until it ends; once done, what the job changed is refreshed.
 */
export function useContractJob<C extends ResultChannel>(channel: C, jobId: string | null) {
  const queryClient = useQueryClient();
  const input = { jobId: jobId ?? '' } as Input<C>;
  const progress = useJobProgress(jobId, () => void queryClient.invalidateQueries({ queryKey: [channel, input] }));
  const result = useContractQuery(channel, input, {
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => ((query.state.data as { status?: string } | undefined)?.status === 'running' ? POLL_MS : false),
  });
  const data = jobId !== null && result.data?.jobId === jobId ? result.data : null;
  const finished = data?.status === 'done';

  useEffect(() => {
    if (!finished) return;
    for (const key of contract[channel].invalidates) void queryClient.invalidateQueries({ queryKey: [key] });
  }, [finished, channel, queryClient]);

  return { result: data, error: result.error, done: progress?.done ?? data?.done ?? 0, total: progress?.total ?? data?.total ?? 0 };
}
