/** Wrong passwords allowed before sign-in slows down. */
export const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/** How long after the last failure the next attempt must wait: 0 for the first five, then 1 s, 2 s, 4 s, … 5 min. */
export function signInDelayMs(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

export function retryAfterMs(failedAttempts: number, lastFailureAt: number | null, now: number): number {
  if (lastFailureAt === null) return 0;
  return Math.max(0, lastFailureAt + signInDelayMs(failedAttempts) - now);
}
