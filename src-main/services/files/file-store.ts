import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContractError } from '../../../src-shared/contract/errors';
import { fileId as fileIdSchema } from '../../../src-shared/contract/imports';
import { FileTooLargeError, limitBytes, UploadInterruptedError } from './byte-limit';

import { MAX_UPLOAD_BYTES } from '../../../src-shared/web-protocol';

export { MAX_UPLOAD_BYTES };
/** Uploads are working copies for one import; a day later they are clutter. */
const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface StoredFile {
  fileId: string;
  fileName: string;
  /** Where the bytes are: inside the uploads folder, or the learner's own file picked in the desktop shell. */
  path: string;
  bytes: number;
}

interface FileRecord {
  profileId: string;
  fileName: string;
  /** Set for a file registered by path; an upload's bytes sit beside its record. */
  path: string | null;
  createdAt: number;
}

export type FileStore = ReturnType<typeof createFileStore>;

/**
 * Files handed to the core get an opaque random id, owned by one profile. The store keeps its records on disk
 * (`<dataDir>/uploads/<id>.json`), so the web shell's upload route and the core's import service can each open a
 * store on the same data folder and agree without sharing memory.
 */
export function createFileStore({ dataDir, now = Date.now }: { dataDir: string; now?: () => number }) {
  const dir = path.join(dataDir, 'uploads');
  const dataPath = (id: string) => path.join(dir, id);
  const recordPath = (id: string) => path.join(dir, `${id}.json`);

  const newId = () => randomBytes(24).toString('base64url');
  const writeRecord = (id: string, record: FileRecord) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(recordPath(id), JSON.stringify(record), { mode: 0o600, flag: 'wx' });
  };

  const readRecord = (id: string): FileRecord | null => {
    if (!fileIdSchema.safeParse(id).success) return null;
    try {
      return JSON.parse(readFileSync(recordPath(id), 'utf8')) as FileRecord;
    } catch {
      return null;
    }
  };

  return {
    /** Streams a body into the uploads folder; past `limit` bytes it stops, removes the partial file and throws. */
    async saveUpload(source: Readable, fileName: string, profileId: string, limit = MAX_UPLOAD_BYTES): Promise<StoredFile> {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const partial = path.join(dir, `partial-${randomBytes(12).toString('hex')}`);
      const counter = limitBytes(source, limit);
      const sink = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
      try {
        await pipeline(counter.stream, sink);
      } catch (error) {
        // The file may still be opening when the source fails: removing it before the stream has closed would
        // leave the file behind once the open completes.
        if (!sink.closed) await once(sink, 'close').catch(() => undefined);
        rmSync(partial, { force: true });
        if (error instanceof FileTooLargeError || error instanceof UploadInterruptedError) throw error;
        throw new ContractError('INTERNAL', 'The file could not be saved.');
      }
      const name = cleanFileName(fileName);
      const id = newId();
      renameSync(partial, dataPath(id));
      writeRecord(id, { profileId, fileName: name, path: null, createdAt: now() });
      return { fileId: id, fileName: name, path: dataPath(id), bytes: counter.bytes() };
    },

    /** A file the learner picked in the desktop shell's file dialog: Parley reads it where it is. */
    registerPath(filePath: string, profileId: string): StoredFile {
      const absolute = path.resolve(filePath);
      const stats = statSync(absolute, { throwIfNoEntry: false });
      if (!stats?.isFile()) throw new ContractError('NOT_FOUND', 'That file could not be opened.');
      const name = cleanFileName(path.basename(absolute));
      const id = newId();
      writeRecord(id, { profileId, fileName: name, path: absolute, createdAt: now() });
      return { fileId: id, fileName: name, path: absolute, bytes: stats.size };
    },

    /** The file behind an id, for its own profile only: another profile's id is as unknown as a made-up one. */
    resolve(profileId: string, fileId: string): StoredFile {
      const record = readRecord(fileId);
      const where = record?.path ?? dataPath(fileId);
      const stats = record?.profileId === profileId ? statSync(where, { throwIfNoEntry: false }) : undefined;
      if (!record || !stats?.isFile()) throw new ContractError('NOT_FOUND', 'That file is no longer available. Choose it again.');
      return { fileId, fileName: record.fileName, path: where, bytes: stats.size };
    },

    /** Start-up housekeeping: uploads (and records of picked files) older than a day, and abandoned partial files. */
    removeStale(): number {
      if (!existsSync(dir)) return 0;
      let removed = 0;
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        const stats = statSync(full, { throwIfNoEntry: false });
        if (stats && now() - stats.mtimeMs > UPLOAD_LIFETIME_MS) {
          rmSync(full, { force: true, recursive: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}

/** A display name only (never used as a path): no folders, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'file.csv';
}
