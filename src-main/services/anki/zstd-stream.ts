import { Transform } from 'node:stream';
import { Decompress, decompress } from 'fzstd';
import { AnkiPackageError } from './package-errors';

const ZSTD_MAGIC = 0xfd2fb528;
/** Anki writes frames with windows of a few MB; a frame asking for more memory than this is refused unread. */
const MAX_WINDOW_BYTES = 256 * 1024 * 1024;

export function isZstd(head: Uint8Array): boolean {
  return head.length >= 4 && Buffer.from(head.buffer, head.byteOffset, 4).readUInt32LE(0) === ZSTD_MAGIC;
}

/**
 * The memory a frame makes the decoder allocate up front: its window, or for a single-segment frame its whole
 * declared content. Read from the frame header before decoding, so a hostile header cannot ask for gigabytes.
 */
export function frameWindowBytes(head: Uint8Array): number {
  const fhd = head[4] ?? 0;
  const singleSegment = (fhd >> 5) & 1;
  const didBytes = [0, 1, 2, 4][fhd & 3]!;
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fhd >> 6]!;
  let at = 5;
  if (!singleSegment) {
    const wd = head[at] ?? 0;
    const base = 2 ** (10 + (wd >> 3));
    return base + (base / 8) * (wd & 7);
  }
  at += didBytes;
  let size = 0;
  for (let i = fcsBytes - 1; i >= 0; i -= 1) size = size * 256 + (head[at + i] ?? 0);
  return fcsBytes === 2 ? size + 256 : size;
}

function checkFrame(head: Uint8Array, what: string, limit: number): void {
  if (!isZstd(head)) throw new AnkiPackageError(`${what} is not zstd-compressed as the package says.`);
  const singleSegment = ((head[4] ?? 0) >> 5) & 1;
  const window = frameWindowBytes(head);
  if (window > MAX_WINDOW_BYTES || (singleSegment && window > limit)) {
    throw new AnkiPackageError(`${what} asks for more memory than any real Anki package does (a zip bomb?). Nothing was imported.`);
  }
}

/** A stream stage that decodes zstd, refusing output past `limit` bytes. */
export function zstdTransform(what: string, limit: number): Transform {
  let out = 0;
  let started = false;
  let failure: Error | null = null;
  const stage = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        if (!started) {
          started = true;
          checkFrame(chunk, what, Number.MAX_SAFE_INTEGER);
        }
        decoder.push(chunk);
        done(failure);
      } catch (error) {
        done(failure ?? asError(error, what));
      }
    },
    flush(done) {
      try {
        decoder.push(new Uint8Array(0), true);
        done(failure);
      } catch (error) {
        done(failure ?? asError(error, what));
      }
    },
  });
  const decoder = new Decompress((data) => {
    out += data.length;
    if (out > limit) failure = new AnkiPackageError(`${what} inflates to more than 2 GB (a zip bomb). Nothing was imported.`);
    else stage.push(Buffer.from(data.buffer, data.byteOffset, data.length));
  });
  return stage;
}

/** Decodes a small zstd blob held in memory (media map, media files). */
export function zstdDecode(data: Uint8Array, what: string, limit: number): Buffer {
  checkFrame(data, what, limit);
  try {
    const out = decompress(data);
    if (out.length > limit) throw new AnkiPackageError(`${what} is larger than expected.`);
    return Buffer.from(out.buffer, out.byteOffset, out.length);
  } catch (error) {
    throw asError(error, what);
  }
}

function asError(error: unknown, what: string): Error {
  if (error instanceof AnkiPackageError) return error;
  return new AnkiPackageError(`${what} could not be decompressed: the package is damaged.`);
}
