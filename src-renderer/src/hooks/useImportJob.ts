import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { contract } from '../../../src-shared/contract';
import { useContractQuery } from './useContractQuery';
import { useJobProgress } from './useJobProgress';

const POLL_MS = 400;

/**
 * Follows an import job: progress events as they come, its result polled until it ends (events can arrive before
 * the socket is listening). Once a job that wrote to the database is done, what it changed is refreshed.
 */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  const input = { jobId: jobId ?? '' };
  const progress = useJobProgress(
    jobId,
    () => void queryClient.invalidateQueries({ queryKey: ['import:result', input] }),
  );
  const result = useContractQuery('import:result', input, {
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
  const data = jobId !== null && result.data?.jobId === jobId ? result.data : null;
  const wroteData = data?.status === 'done' && data.committed;

  useEffect(() => {
    if (!wroteData) return;
    for (const channel of contract['import:result'].invalidates)
      void queryClient.invalidateQueries({ queryKey: [channel] });
  }, [wroteData, queryClient]);

  const done = progress?.done ?? data?.done ?? 0;
  const total = progress?.total ?? data?.total ?? 0;
  return { result: data, error: result.error, done, total, phase: progress?.phase ?? null };
}
