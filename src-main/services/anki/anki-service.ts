import type { z } from 'zod';
import type { ankiExportResult, ankiExportScope, ankiImportResult, ankiNoteTypeMapping } from '../../../src-shared/contract/anki';
import { ContractError } from '../../../src-shared/contract/errors';
import { createFileStore } from '../files/file-store';
import { newImportControl } from '../imports/import-job';
import type { DomainDeps } from '../index';
import { runAnkiExportWorker, type AnkiExportSummary } from './export-job';
import { runAnkiImportWorker, type AnkiImportHandle } from './import-job';
import type { AnkiImportSummary } from './import-protocol';
import { AnkiPackageError } from './package-errors';
import { inspectInWorker } from './inspect-worker';
import { readNoteMedia } from './note-media';

const IMPORT_JOB = 'anki-import';
const EXPORT_JOB = 'anki-export';
type Mapping = z.output<typeof ankiNoteTypeMapping>;

/** A package problem the learner can act on, as a contract error; anything else stays internal. */
function asContractError(error: unknown): unknown {
  return error instanceof AnkiPackageError ? new ContractError('INVALID_INPUT', error.message) : error;
}

/** Anki packages in (inspect, import in a worker) and out (export in a worker). */
export function createAnkiService(deps: DomainDeps) {
  const files = createFileStore({ dataDir: deps.dataDir, now: deps.now });
  const handles = new Map<string, AnkiImportHandle>();

  const jobOf = <R>(profileId: string, jobId: string, kind: string) => {
    const job = deps.jobs.get<R>(profileId, jobId);
    if (job.kind !== kind) throw new ContractError('NOT_FOUND', 'That job does not exist.');
    return job;
  };

  return {
    async inspect(profileId: string, fileId: string) {
      const file = files.resolve(profileId, fileId);
      try {
        return { fileName: file.fileName, bytes: file.bytes, ...(await inspectInWorker(file.path)) };
      } catch (error) {
        throw asContractError(error);
      }
    },

    startImport(profileId: string, sessionId: string, fileId: string, mappings: Mapping[]): { jobId: string } {
      const file = files.resolve(profileId, fileId);
      const profile = deps.profiles.get(profileId);
      const { control, requestCancel } = newImportControl();
      const handle: AnkiImportHandle = { counts: { imported: 0, updated: 0, skipped: 0, cards: 0, reviews: 0, media: 0 }, requestCancel };
      const data = {
        databaseFile: deps.databaseFile,
        dataDir: deps.dataDir,
        filePath: file.path,
        profileId,
        nativeLanguage: profile.nativeLanguage,
        targetLanguage: profile.targetLanguage,
        mappings: Object.fromEntries(mappings.map((m) => [m.noteTypeId, { mapping: m.mapping, skip: m.skip }])),
        startedAt: deps.now(),
        control,
      };
      const job = deps.jobs.start(profileId, sessionId, IMPORT_JOB, (jobControl) => runAnkiImportWorker(data, jobControl, handle));
      handles.set(job.id, handle);
      return { jobId: job.id };
    },

    importResult(profileId: string, jobId: string): z.input<(typeof ankiImportResult)['output']> {
      const job = jobOf<AnkiImportSummary>(profileId, jobId, IMPORT_JOB);
      const summary = job.result;
      const counts = summary ?? handles.get(jobId)?.counts ?? { imported: 0, updated: 0, skipped: 0, cards: 0, reviews: 0, media: 0 };
      return {
        jobId,
        status: job.status,
        done: job.done,
        total: job.total,
        phase: job.phase,
        ...counts,
        missingMedia: summary?.missingMedia ?? [],
        problems: summary?.problems ?? [],
        deckIds: summary?.deckIds ?? [],
        committed: summary?.committed ?? false,
        error: job.error,
      };
    },

    cancel(profileId: string, jobId: string): { cancelled: boolean } {
      const job = deps.jobs.get(profileId, jobId);
      if (job.kind !== IMPORT_JOB && job.kind !== EXPORT_JOB) throw new ContractError('NOT_FOUND', 'That job does not exist.');
      if (job.status !== 'running') return { cancelled: false };
      const handle = handles.get(jobId);
      if (handle && !handle.requestCancel()) return { cancelled: false };
      return { cancelled: deps.jobs.cancel(profileId, jobId) };
    },

    startExport(profileId: string, sessionId: string, scope: z.output<typeof ankiExportScope>): { jobId: string } {
      const deckId = scope.kind === 'deck' ? deps.deckRows.get(profileId, scope.deckId).id : null;
      const job = deps.jobs.start(profileId, sessionId, EXPORT_JOB, (control) =>
        runAnkiExportWorker({ databaseFile: deps.databaseFile, dataDir: deps.dataDir, profileId, deckId, now: deps.now() }, control).then((summary) => {
          const registered = files.registerPath(summary.path, profileId);
          return { ...summary, file: { fileId: registered.fileId, fileName: summary.fileName, bytes: registered.bytes } };
        }),
      );
      return { jobId: job.id };
    },

    media(profileId: string, noteId: string, name: string) {
      return readNoteMedia(deps.db, deps.dataDir, profileId, noteId, name);
    },

    exportResult(profileId: string, jobId: string): z.input<(typeof ankiExportResult)['output']> {
      const job = jobOf<AnkiExportSummary & { file: { fileId: string; fileName: string; bytes: number } }>(profileId, jobId, EXPORT_JOB);
      const r = job.result;
      return {
        jobId, status: job.status, done: job.done, total: job.total,
        notes: r?.notes ?? 0, cards: r?.cards ?? 0, reviews: r?.reviews ?? 0, media: r?.media ?? 0,
        file: r?.file ?? null, error: job.error,
      };
    },
  };
}
