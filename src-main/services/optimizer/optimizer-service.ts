import { and, eq, isNull } from 'drizzle-orm';
import { default_w, migrateParameters } from 'ts-fsrs';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Preset } from '../../../src-shared/domain/vocabulary';
import { decks } from '../../../db/schema';
import { resolveTimeZone } from '../review/study-day';
import type { DomainDeps } from '../index';
import type { JobControl } from '../jobs/jobs';
import { runWorkerJob } from '../../workers/run-worker-job';
import type { OptimizeMessage, OptimizeOutcome, OptimizeRequest } from './protocol';

/** The weights a preset schedules with now: its own (brought up to FSRS-6 if older), else FSRS-6's defaults. */
export function currentWeights(preset: Preset): number[] {
  return preset.fsrsWeights ? migrateParameters(preset.fsrsWeights, preset.relearningSteps.length) : [...default_w];
}

/** Runs the fit in a worker thread, relaying its progress; a cancel terminates the worker. */
function runInWorker(request: OptimizeRequest, control: JobControl): Promise<OptimizeOutcome> {
  return runWorkerJob<OptimizeMessage, OptimizeOutcome>('optimize', request, control, {
    read: (message) =>
      message.type === 'progress'
        ? { kind: 'progress', done: message.done, total: message.total, phase: message.phase }
        : message.type === 'done'
          ? { kind: 'result', value: message.outcome }
          : { kind: 'error', message: message.message },
    cancel: 'terminate',
    exitMessage: 'The optimizer stopped unexpectedly',
  });
}

const isBetter = (outcome: OptimizeOutcome | null) =>
  outcome !== null && outcome.optimized.logLoss < outcome.current.logLoss;

/**
 * Personal FSRS weights per preset. A run is a job: its result says how well the current and the new weights
 * predict the learner's own answers, and the new ones can be accepted only when they predict them better.
 */
export function createOptimizerService({ db, databaseFile, jobs, presets, settings }: DomainDeps) {
  const runs = new Map<string, { presetId: string; weightsBefore: number[] }>();

  const runOf = (profileId: string, jobId: string) => {
    const job = jobs.get<OptimizeOutcome>(profileId, jobId);
    const run = runs.get(jobId);
    if (!run || job.kind !== 'optimize') throw new ContractError('NOT_FOUND', 'That optimizer run does not exist.');
    return { job, run };
  };

  return {
    run(profileId: string, sessionId: string, presetId: string): { jobId: string } {
      const preset = presets.get(profileId, presetId);
      const deckIds = db
        .select({ id: decks.id })
        .from(decks)
        .where(and(eq(decks.profileId, profileId), eq(decks.presetId, presetId), isNull(decks.deletedAt)))
        .all()
        .map((d) => d.id);
      const request: OptimizeRequest = {
        databaseFile,
        profileId,
        deckIds,
        dayStartHour: preset.dayStartHour,
        timeZone: resolveTimeZone(settings.get(profileId).timeZone),
        currentWeights: currentWeights(preset),
        relearningSteps: preset.relearningSteps.length,
      };
      const job = jobs.start(profileId, sessionId, 'optimize', (control) => runInWorker(request, control));
      runs.set(job.id, { presetId, weightsBefore: request.currentWeights });
      return { jobId: job.id };
    },

    result(profileId: string, jobId: string) {
      const { job, run } = runOf(profileId, jobId);
      const outcome = job.status === 'done' ? job.result : null;
      return {
        jobId,
        status: job.status,
        presetId: run.presetId,
        reviews: outcome?.reviews ?? 0,
        current: outcome?.current ?? null,
        optimized: outcome?.optimized ?? null,
        weights: outcome?.weights ?? null,
        better: isBetter(outcome),
        error: job.error,
      };
    },

    cancel(profileId: string, jobId: string): { cancelled: boolean } {
      runOf(profileId, jobId);
      return { cancelled: jobs.cancel(profileId, jobId) };
    },

    /** Stores the new weights on the preset, only when they are better and the preset has not changed since. */
    accept(profileId: string, jobId: string): { presetId: string; weights: number[] } {
      const { job, run } = runOf(profileId, jobId);
      if (job.status === 'running') throw new ContractError('CONFLICT', 'The optimizer has not finished yet.');
      if (job.status !== 'done' || !job.result) {
        throw new ContractError(
          'CONFLICT',
          job.status === 'cancelled'
            ? 'That run was cancelled.'
            : `That run found no new parameters. ${job.error ?? ''}`.trim(),
        );
      }
      if (!isBetter(job.result)) {
        throw new ContractError(
          'CONFLICT',
          'The new parameters do not predict your reviews better than the current ones, so the current ones stay.',
        );
      }
      const preset = presets.get(profileId, run.presetId);
      if (JSON.stringify(currentWeights(preset)) !== JSON.stringify(run.weightsBefore)) {
        throw new ContractError('CONFLICT', 'These options have changed since the optimizer ran. Run it again.');
      }
      const { weights } = job.result;
      presets.update(profileId, run.presetId, { fsrsWeights: weights });
      return { presetId: run.presetId, weights };
    },
  };
}
