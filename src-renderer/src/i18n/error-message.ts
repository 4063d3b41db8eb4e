import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../../src-shared/contract';
import { asApiError } from '../lib/api-error';

/** Codes whose meaning does not depend on the call, so a translated sentence says it better than the core's. */
const translatedCodes = [
  'WRONG_PASSWORD',
  'FORBIDDEN',
  'CONFIRMATION_MISMATCH',
  'INVALID_INPUT',
  'UNAVAILABLE',
  'UNAUTHENTICATED',
  'RECOVERY_REQUIRED',
  'NOT_FOUND',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];
type TranslatedCode = (typeof translatedCodes)[number];

const isTranslated = (code: ErrorCode): code is TranslatedCode => (translatedCodes as readonly string[]).includes(code);

/** What to tell the learner about a failed call: translated for known codes, else the core's own words. */
export function describeError(t: TFunction, error: unknown): string {
  const failure = asApiError(error);
  const transport = failure.transportProblem;
  if (transport) return t(`errors.transport.${transport}`);
  if (failure.code === 'RATE_LIMITED') {
    const waitMs = failure.retryAfterMs;
    return waitMs === null
      ? t('errors.rateLimitedLater')
      : t('errors.RATE_LIMITED', { count: Math.max(1, Math.ceil(waitMs / 1000)) });
  }
  if (isTranslated(failure.code)) return t(`errors.${failure.code}`);
  return failure.message;
}
