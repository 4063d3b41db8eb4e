import type { z } from 'zod';
import type { dataExportResult } from '../../../src-shared/contract/data';
import { ContractError } from '../../../src-shared/contract/errors';
import { createFileStore } from '../files/file-store';
import type { DomainDeps } from '../index';
import { readExportPiece, removeStaleExports } from './export-files';
import { writeProfileArchive, type ArchiveSummary } from './profile-archive';

const JOB = 'data-export';
type Finished = ArchiveSummary & { file: { fileId: string; fileName: string; bytes: number } };

/** The learner's own data: the whole profile as one archive, and reading finished exports back. */
export function createDataService(deps: DomainDeps) {
  const files = createFileStore({ dataDir: deps.dataDir, now: deps.now });
  removeStaleExports(deps.dataDir, deps.now());

  return {
    startExport(profileId: string, sessionId: string): { jobId: string } {
      const job = deps.jobs.start(profileId, sessionId, JOB, async (control): Promise<Finished> => {
        const summary = await writeProfileArchive({
          databaseFile: deps.databaseFile, dataDir: deps.dataDir, profileId, now: deps.now(), signal: control.signal,
          progress: (done, total) => control.progress(done, total, 'exporting'),
        });
        const registered = files.registerPath(summary.path, profileId);
        return { ...summary, file: { fileId: registered.fileId, fileName: summary.fileName, bytes: registered.bytes } };
      });
      return { jobId: job.id };
    },

    exportResult(profileId: string, jobId: string): z.input<(typeof dataExportResult)['output']> {
      const job = deps.jobs.get<Finished>(profileId, jobId);
      if (job.kind !== JOB) throw new ContractError('NOT_FOUND', 'That job does not exist.');
      const r = job.result;
      return { jobId, status: job.status, done: job.done, total: job.total, rows: r?.rows ?? 0, media: r?.media ?? 0, file: r?.file ?? null, error: job.error };
    },

    cancel(profileId: string, jobId: string): { cancelled: boolean } {
      const job = deps.jobs.get(profileId, jobId);
      if (job.kind !== JOB) throw new ContractError('NOT_FOUND', 'That job does not exist.');
      return { cancelled: deps.jobs.cancel(profileId, jobId) };
    },

    readFile: (profileId: string, fileId: string, offset: number) => readExportPiece(files, profileId, fileId, offset),
  };
}
