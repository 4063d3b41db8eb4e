import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileStore } from '../files/file-store';

/** The most a single `data:readFile` answers: a few MB of base64 per call keeps each call short. */
export const READ_PIECE_BYTES = 2 * 1024 * 1024;
const EXPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** One piece of a finished export, for its own profile only (the file store checks the owner). */
export function readExportPiece(files: FileStore, profileId: string, fileId: string, offset: number) {
  const file = files.resolve(profileId, fileId);
  if (offset > file.bytes) return { base64: '', bytes: 0, nextOffset: null };
  const fd = openSync(file.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(READ_PIECE_BYTES, file.bytes - offset));
    const read = readSync(fd, buffer, 0, buffer.length, offset);
    const next = offset + read;
    return { base64: buffer.subarray(0, read).toString('base64'), bytes: read, nextOffset: next < file.bytes ? next : null };
  } finally {
    closeSync(fd);
  }
}

/** Start-up housekeeping: exports are working copies for one download; a day later they are clutter. */
export function removeStaleExports(dataDir: string, now: number): void {
  const dir = path.join(dataDir, 'exports');
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const stats = statSync(full, { throwIfNoEntry: false });
    if (stats && now - stats.mtimeMs > EXPORT_LIFETIME_MS) rmSync(full, { force: true });
  }
}
