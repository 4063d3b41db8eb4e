import type { LlmTuning } from './tuning';
import { LlmError } from './llm-errors';

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1). The server's Retry-After wins when it
 * sent one; otherwise exponential backoff with jitter (half fixed, half random) so that clients that failed
 * together do not come back together. Null: do not retry.
 */
export function retryDelay(error: LlmError, attempt: number, tuning: LlmTuning, random = Math.random): number | null {
  if (!error.retryable || attempt >= tuning.maxAttempts) return null;
  if (error.retryAfterMs !== null) return error.retryAfterMs <= tuning.maxRetryAfterMs ? error.retryAfterMs : null;
  const ceiling = Math.min(tuning.backoffMaxMs, tuning.backoffBaseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Resolves after `ms`, or rejects as soon as the signal aborts. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
