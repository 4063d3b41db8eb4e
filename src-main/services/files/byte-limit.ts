import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { ContractError } from '../../../src-shared/contract/errors';

export class FileTooLargeError extends ContractError {
  constructor(readonly limit: number) {
    super('INVALID_INPUT', `The file is larger than ${Math.round(limit / (1024 * 1024))} MB. Split it into smaller files.`, { limitBytes: limit });
  }
}

export class UploadInterruptedError extends ContractError {
  constructor() {
    super('INVALID_INPUT', 'The upload was interrupted before the whole file arrived.');
  }
}

/**
 * Passes `source` through a counter that fails once more than `limit` bytes went by. The source is piped, not
 * pipelined: on failure it is only unpiped, so an HTTP request stays open long enough to answer 413.
 */
export function limitBytes(source: Readable, limit: number): { stream: Transform; bytes(): number } {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limit) done(new FileTooLargeError(limit));
      else done(null, chunk);
    },
  });
  source.on('error', () => stream.destroy(new UploadInterruptedError()));
  source.on('close', () => {
    if (!source.readableEnded) stream.destroy(new UploadInterruptedError());
  });
  source.pipe(stream);
  return { stream, bytes: () => bytes };
}
