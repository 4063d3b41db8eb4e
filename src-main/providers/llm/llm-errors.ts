import OpenAI from 'openai';
import type { LlmProblemCode } from '../../../src-shared/domain/tutor-llm';

/** Plain words for each problem. Never the server's own text: it may quote a piece of the API key. */
export const PROBLEM_MESSAGES: Record<LlmProblemCode, string> = {
  not_configured: 'No model server is set up yet. Choose one in the tutor settings.',
  bad_url: 'The server address is not valid. Check the base URL.',
  server_down: 'The model server does not answer. Is it running, and is the address right?',
  timeout: 'The model server took too long to answer.',
  bad_key: 'The server refused the API key. Check the key in the tutor settings.',
  unknown_model: 'The server does not know that model. Pick one from its list.',
  quota: 'The server says the quota is used up or too many requests were made. Try again later.',
  not_compatible: 'The server does not speak the OpenAI API at this address.',
  bad_response: 'The model sent a reply Parley could not read.',
  server_error: 'The model server had an internal error.',
};

/** A failed model call, classified; `retryable` failures may be tried again before any token was shown. */
export class LlmError extends Error {
  readonly problem: LlmProblemCode;
  readonly retryable: boolean;
  /** From `Retry-After` / `retry-after-ms`, when the server sent one. */
  readonly retryAfterMs: number | null;
  readonly status: number | null;

  constructor(problem: LlmProblemCode, options: { retryable?: boolean; retryAfterMs?: number | null; status?: number | null; message?: string } = {}) {
    super(options.message ?? PROBLEM_MESSAGES[problem]);
    this.name = 'LlmError';
    this.problem = problem;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.status = options.status ?? null;
  }
}

export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers?.get('retry-after');
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Turns whatever the SDK or fetch threw into an LlmError. */
export function classifyLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new LlmError('timeout', { retryable: true });
  if (error instanceof OpenAI.APIConnectionError) return new LlmError('server_down', { retryable: true });
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') return fromStatus(error);
  if (error instanceof SyntaxError) return new LlmError('bad_response');
  return new LlmError('server_down', { retryable: true });
}

function fromStatus(error: InstanceType<typeof OpenAI.APIError>): LlmError {
  const status = error.status as number;
  const code = typeof error.code === 'string' ? error.code : '';
  const after = retryAfterMs(error.headers);
  if (status === 401 || status === 403) return new LlmError('bad_key', { status });
  if (status === 404) {
    const aboutModel = code === 'model_not_found' || /model/i.test(error.message);
    return new LlmError(aboutModel ? 'unknown_model' : 'not_compatible', { status });
  }
  if (status === 429) {
    return new LlmError('quota', { status, retryable: code !== 'insufficient_quota', retryAfterMs: after });
  }
  if (status === 408) return new LlmError('timeout', { status, retryable: true, retryAfterMs: after });
  if (status >= 500) return new LlmError('server_error', { status, retryable: true, retryAfterMs: after });
  if (status === 405 || status === 415) return new LlmError('not_compatible', { status });
  return new LlmError('bad_response', { status });
}
