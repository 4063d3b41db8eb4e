import type { z } from 'zod';
import { ContractError } from '../../../src-shared/contract/errors';
import type { importCsvStart, importJobResult } from '../../../src-shared/contract/imports';
import { createFileStore } from '../files/file-store';
import type { DomainDeps } from '../index';
import type { Languages } from './column-names';
import { checkMapping, inspectCsv, previewOf, type ReadOptions } from './csv-preview';
import { newImportControl, runImportWorker, type ImportHandle } from './import-job';
import type { ImportSummary, ImportWorkerData } from './import-protocol';

const JOB_KIND = 'import-csv';
type StartInput = z.output<(typeof importCsvStart)['input']>;
type JobResult = z.input<typeof importJobResult>;

/** CSV/TSV import: a preview from the head of the file, then the whole file checked (and written) in a worker. */
export function createImportsService(deps: DomainDeps) {
  const files = createFileStore({ dataDir: deps.dataDir, now: deps.now });
  files.removeStale();
  const handles = new Map<string, ImportHandle>();

  const languagesOf = (profileId: string): Languages => {
    const profile = deps.profiles.get(profileId);
    return { native: profile.nativeLanguage, target: profile.targetLanguage };
  };

  const jobOf = (profileId: string, jobId: string) => {
    const job = deps.jobs.get<ImportSummary>(profileId, jobId);
    const handle = handles.get(jobId);
    if (job.kind !== JOB_KIND || !handle) throw new ContractError('NOT_FOUND', 'That import does not exist.');
    return { job, handle };
  };

  /** A new deck takes the profile's languages; an existing one must be the profile's own. */
  const targetOf = (profileId: string, target: StartInput['target']): ImportWorkerData['target'] => {
    if (target.kind === 'deck') return { kind: 'deck', deckId: deps.deckRows.get(profileId, target.deckId).id };
    const { native, target: studied } = languagesOf(profileId);
    return { kind: 'newDeck', name: target.name, nativeLanguage: native, targetLanguage: studied };
  };

  return {
    /** The file store, for the shells: the web shell's upload route and the desktop shell's file picker. */
    files,

    preview(profileId: string, fileId: string, options: ReadOptions) {
      const file = files.resolve(profileId, fileId);
      const languages = languagesOf(profileId);
      return previewOf(file, inspectCsv(file, options, languages), languages);
    },

    /** Checks what can be checked at once (file, deck, mapping), then starts the job and answers its id. */
    start(profileId: string, sessionId: string, input: StartInput): { jobId: string } {
      const file = files.resolve(profileId, input.fileId);
      const layout = inspectCsv(file, input, languagesOf(profileId));
      checkMapping(input.mapping, layout);
      const { control, requestCancel } = newImportControl();
      const { encoding, delimiter, newline, hasHeader, width } = layout;
      const data: ImportWorkerData = {
        databaseFile: deps.databaseFile,
        filePath: file.path,
        profileId,
        target: targetOf(profileId, input.target),
        read: { encoding, delimiter, newline, hasHeader, width },
        mapping: input.mapping,
        duplicates: input.duplicates,
        commit: input.commit,
        startedAt: deps.now(),
        control,
      };
      const handle: ImportHandle = { counts: { rows: 0, imported: 0, updated: 0, skipped: 0, rejectedCount: 0 }, requestCancel };
      const job = deps.jobs.start(profileId, sessionId, JOB_KIND, (jobControl) => runImportWorker(data, jobControl, handle));
      handles.set(job.id, handle);
      return { jobId: job.id };
    },

    result(profileId: string, jobId: string): JobResult {
      const { job, handle } = jobOf(profileId, jobId);
      const summary = job.result;
      const counts = summary ?? handle.counts;
      return {
        jobId,
        status: job.status,
        done: job.done,
        total: job.total,
        rows: counts.rows,
        imported: counts.imported,
        updated: counts.updated,
        skipped: counts.skipped,
        rejected: summary?.rejected ?? [],
        rejectedCount: counts.rejectedCount,
        deckId: summary?.deckId ?? null,
        committed: summary?.committed ?? false,
        error: job.error,
      };
    },

    cancel(profileId: string, jobId: string): { cancelled: boolean } {
      const { job, handle } = jobOf(profileId, jobId);
      if (job.status !== 'running' || !handle.requestCancel()) return { cancelled: false };
      return { cancelled: deps.jobs.cancel(profileId, jobId) };
    },
  };
}
