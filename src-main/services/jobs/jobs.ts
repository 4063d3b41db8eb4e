import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../src-shared/contract/errors';
import type { CoreEvents } from '../../events';

export type JobStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface Job<R> {
  id: string;
  profileId: string;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  phase: string;
  result: R | null;
  error: string | null;
}

export interface JobControl {
  /** Reports progress: emitted to the session that started the job as `jobs:progress`. */
  progress(done: number, total: number, phase: string): void;
  readonly signal: AbortSignal;
}

export type JobsService = ReturnType<typeof createJobsService>;

/**
 * Long work (imports, the optimizer) runs as jobs: started by one call, watched through `jobs:progress` events,
 * cancellable, and its result fetched by id. Jobs belong to a profile; another profile cannot see or cancel them.
 */
export function createJobsService(events: CoreEvents) {
  const jobs = new Map<string, { job: Job<unknown>; abort: AbortController }>();

  const find = (profileId: string, jobId: string) => {
    const entry = jobs.get(jobId);
    if (!entry || entry.job.profileId !== profileId) throw new ContractError('NOT_FOUND', 'That job does not exist.');
    return entry;
  };

  return {
    start<R>(profileId: string, sessionId: string, kind: string, work: (control: JobControl) => Promise<R>): Job<R> {
      const abort = new AbortController();
      const job: Job<R> = { id: randomUUID(), profileId, kind, status: 'running', done: 0, total: 0, phase: 'starting', result: null, error: null };
      jobs.set(job.id, { job, abort });
      const control: JobControl = {
        signal: abort.signal,
        progress(done, total, phase) {
          Object.assign(job, { done, total, phase });
          events.emit('jobs:progress', { jobId: job.id, done, total, phase }, { sessionIds: [sessionId] });
        },
      };
      work(control).then(
        (result) => {
          job.result = result;
          job.status = abort.signal.aborted ? 'cancelled' : 'done';
          control.progress(job.total, job.total, job.status);
        },
        (error: unknown) => {
          job.status = abort.signal.aborted ? 'cancelled' : 'failed';
          job.error = abort.signal.aborted ? null : error instanceof Error ? error.message : String(error);
          control.progress(job.done, job.total, job.status);
        },
      );
      return job;
    },

    get<R>(profileId: string, jobId: string): Job<R> {
      return find(profileId, jobId).job as Job<R>;
    },

    cancel(profileId: string, jobId: string): boolean {
      const entry = find(profileId, jobId);
      if (entry.job.status !== 'running') return false;
      entry.abort.abort();
      return true;
    },

    /** Waits for every running job to settle (core shutdown). */
    async cancelAll(): Promise<void> {
      for (const { abort } of jobs.values()) abort.abort();
    },
  };
}
