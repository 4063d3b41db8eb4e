import { errorStatus, type ErrorBody, type SyncErrorCode } from '../src-shared/sync/protocol';
import type { z } from 'zod';

/** An error the client is meant to read: its code, an English message, and for 429 when to come back. */
export class HttpError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get status() {
    return errorStatus[this.code];
  }

  body(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    return { error };
  }
}

/** Parses a body or query; the message names the fields that failed but never echoes their values. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message}`);
  throw new HttpError('bad_request', `Invalid request: ${fields.join('; ')}`);
}
