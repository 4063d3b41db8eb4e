import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../../db/open';
import { ContractError } from '../../../src-shared/contract/errors';
import { mediaPath } from './media-store';

/** A sound or picture larger than this is not sent to the renderer in one answer. */
export const MAX_NOTE_MEDIA_BYTES = 20 * 1024 * 1024;

const MIME: Record<string, string> = {
  mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg', m4a: 'audio/mp4', aac: 'audio/aac',
  flac: 'audio/flac', webm: 'audio/webm', spx: 'audio/ogg',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', bmp: 'image/bmp', avif: 'image/avif',
};

/** The MIME type a stored media name is served with, from its extension. */
export function mediaMime(stored: string): string {
  return MIME[path.extname(stored).slice(1)] ?? 'application/octet-stream';
}

/**
 * A note's imported sound or picture, for the renderer to show through a blob: URL (the CSP allows blob: for
 * images and media). Only a name the profile's own note lists is served: the content-addressed store is shared by
 * every profile, so the note is the proof that this profile owns the file.
 */
export async function readNoteMedia(db: Db, dataDir: string, profileId: string, noteId: string, stored: string) {
  const listed = db.$client
    .prepare(
      `SELECT 1 FROM notes WHERE id = ? AND profile_id = ? AND deleted_at IS NULL
         AND (EXISTS (SELECT 1 FROM json_each(audio) WHERE value = ?) OR EXISTS (SELECT 1 FROM json_each(images) WHERE value = ?))`,
    )
    .pluck()
    .get(noteId, profileId, stored, stored);
  if (!listed) throw new ContractError('NOT_FOUND', 'That note has no such sound or picture.');
  const file = mediaPath(dataDir, stored);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ContractError('NOT_FOUND', 'The sound or picture is missing from the data folder.');
  if (info.size > MAX_NOTE_MEDIA_BYTES) throw new ContractError('INVALID_INPUT', 'That sound or picture is too large to show.');
  const bytes = await readFile(file);
  return { mime: mediaMime(stored), bytes: bytes.length, base64: bytes.toString('base64') };
}
