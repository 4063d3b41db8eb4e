/** Time limits and retry policy for model calls. Tests shorten them; the defaults allow a local model to load. */
export interface LlmTuning {
  /** Until the server's response headers arrive (covers connecting and a queue on the server). */
  connectTimeoutMs: number;
  /** From the headers to the first token of a streamed reply. */
  firstTokenTimeoutMs: number;
  /** Longest silence between two chunks once tokens flow. */
  idleTimeoutMs: number;
  /** Whole-call limit for short non-streamed calls (analysis, translation, model lists). */
  requestTimeoutMs: number;
  /** Attempts per provider, the first included. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A Retry-After longer than this is not waited for: the call fails with `quota` instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_LLM_TUNING: LlmTuning = {
  connectTimeoutMs: 30_000,
  firstTokenTimeoutMs: 60_000,
  idleTimeoutMs: 30_000,
  requestTimeoutMs: 90_000,
  maxAttempts: 3,
  backoffBaseMs: 500,
  backoffMaxMs: 8_000,
  maxRetryAfterMs: 20_000,
};
