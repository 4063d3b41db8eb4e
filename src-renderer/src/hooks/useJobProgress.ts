import { useState } from 'react';
import type { EventPayload } from '../../../src-shared/contract';
import { useApiEvent } from './useApiEvent';

export type JobProgress = EventPayload<'jobs:progress'>;

const FINAL_PHASES = new Set(['done', 'cancelled', 'failed']);

/** The latest `jobs:progress` event of one job; `onFinished` runs when the job reports it has ended. */
export function useJobProgress(jobId: string | null, onFinished: () => void): JobProgress | null {
  const [latest, setLatest] = useState<JobProgress | null>(null);
  useApiEvent('jobs:progress', (payload) => {
    if (payload.jobId !== jobId) return;
    setLatest(payload);
    if (FINAL_PHASES.has(payload.phase)) onFinished();
  });
  return latest?.jobId === jobId ? latest : null;
}
