import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AnkiPackageError } from './package-errors';

/** A member that inflates past this, or past RATIO_LIMIT times its packed size, is refused as a zip bomb. */
export const MAX_MEMBER_BYTES = 2 * 1024 ** 3;
export const RATIO_LIMIT = 1000;
/** Tiny members compress absurdly well (a page of zeros); the ratio guard starts above this size. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface PackageZip {
  /** Member names in the package. */
  names(): string[];
  has(name: string): boolean;
  /** A member's bytes, for the small ones (media maps, meta). */
  readBuffer(name: string, limit?: number): Promise<Buffer>;
  /** A member inflated through `transform` (e.g. zstd) into a file, never held whole in memory. */
  extractTo(name: string, file: string, transform?: () => Transform): Promise<number>;
  close(): void;
}

/**
 * Opens a package with random access from the file (yauzl reads the central directory, then each member on
 * demand), so a 1 GB package is never loaded whole. Every member's declared sizes are checked against the bomb
 * limits before it is opened, and its inflated bytes are counted as they stream, so a header that lies stops too.
 */
export async function openPackageZip(file: string): Promise<PackageZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (error, opened) =>
      error || !opened ? reject(corrupt(error)) : resolve(opened),
    ),
  );
  const entries = await readEntries(zip);

  const open = async (name: string): Promise<{ stream: Readable; entry: yauzl.Entry }> => {
    const entry = entries.get(name);
    if (!entry) throw new AnkiPackageError(`The package has no “${name}” in it.`);
    checkBomb(entry);
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, s) => (error || !s ? reject(corrupt(error)) : resolve(s))),
    );
    return { stream, entry };
  };

  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    async readBuffer(name, limit = 64 * 1024 * 1024) {
      const { stream, entry } = await open(name);
      if (entry.uncompressedSize > limit) throw new AnkiPackageError(`“${name}” in the package is larger than expected.`);
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of stream.pipe(byteGuard(entry))) chunks.push(chunk as Buffer);
      } catch (error) {
        throw asPackageError(error);
      }
      return Buffer.concat(chunks);
    },
    async extractTo(name, target, transform) {
      const { stream, entry } = await open(name);
      let written = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          written += chunk.length;
          if (written > MAX_MEMBER_BYTES) return done(bomb(name));
          done(null, chunk);
        },
      });
      try {
        const out = createWriteStream(target, { mode: 0o600 });
        if (transform) await pipeline(stream, byteGuard(entry), transform(), counter, out);
        else await pipeline(stream, byteGuard(entry), counter, out);
      } catch (error) {
        throw asPackageError(error);
      }
      return written;
    },
    close: () => zip.close(),
  };
}

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(corrupt(error)));
    zip.readEntry();
  });
}

function checkBomb(entry: yauzl.Entry): void {
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > MAX_MEMBER_BYTES || (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > RATIO_LIMIT)) {
    throw bomb(entry.fileName);
  }
}

/** Counts inflated bytes against the same limits while they stream. */
function byteGuard(entry: yauzl.Entry): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      const ratio = seen / Math.max(1, entry.compressedSize);
      if (seen > MAX_MEMBER_BYTES || (seen > RATIO_FLOOR_BYTES && ratio > RATIO_LIMIT)) return done(bomb(entry.fileName));
      done(null, chunk);
    },
  });
}

const bomb = (name: string) =>
  new AnkiPackageError(`“${name}” in the package would inflate to more than 2 GB or over ${RATIO_LIMIT} times its size (a zip bomb). Nothing was imported.`);

function corrupt(error: Error | null): AnkiPackageError {
  return new AnkiPackageError(`This file is not a readable Anki package (the zip is damaged${error ? `: ${error.message}` : ''}).`);
}

function asPackageError(error: unknown): AnkiPackageError {
  return error instanceof AnkiPackageError ? error : corrupt(error instanceof Error ? error : null);
}
