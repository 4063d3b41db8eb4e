import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a profile's sounds and pictures live: `<dataDir>/media/<first two hex>/<sha256>.<ext>`. */
export function mediaDir(dataDir: string): string {
  return path.join(dataDir, 'media');
}

/** The stored name's extension: the original's, lower case, letters and digits only. */
function extensionOf(name: string): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(ext) ? `.${ext}` : '';
}

export const STORED_MEDIA_NAME = /^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/;

export function mediaPath(dataDir: string, stored: string): string {
  if (!STORED_MEDIA_NAME.test(stored)) throw new Error('not a stored media name');
  return path.join(mediaDir(dataDir), stored.slice(0, 2), stored);
}

/**
 * Content-addressed media: a file's name is the sha256 of its bytes, so the same picture imported twice (or by
 * two profiles) is stored once and a name can never point outside the folder. `put` says whether it wrote a new
 * file, so a cancelled import can take back exactly what it added.
 */
export function createMediaStore(dataDir: string) {
  return {
    put(originalName: string, bytes: Buffer): { stored: string; created: string | null } {
      const stored = createHash('sha256').update(bytes).digest('hex') + extensionOf(originalName);
      const target = mediaPath(dataDir, stored);
      if (existsSync(target)) return { stored, created: null };
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const partial = `${target}.${randomBytes(6).toString('hex')}.partial`;
      writeFileSync(partial, bytes, { mode: 0o600 });
      renameSync(partial, target);
      return { stored, created: target };
    },
    remove(files: string[]): void {
      for (const file of files) rmSync(file, { force: true });
    },
  };
}

export function isAudioName(name: string): boolean {
  return /\.(mp3|wav|ogg|oga|opus|m4a|aac|flac|webm|spx)$/i.test(name);
}
