import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../../src-shared/contract';
import { llmProblemCodes, type LlmProblemCode } from '../../../src-shared/domain/tutor-llm';
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

/** The tutor's model problems travel as `details.problem` (see the tutor contract). */
function llmProblemOf(details: unknown): LlmProblemCode | null {
  const problem = (details as { problem?: unknown } | undefined)?.problem;
  return (llmProblemCodes as readonly unknown[]).includes(problem) ? (problem as LlmProblemCode) : null;
}

/** What to tell the learner about a failed call: translated for known codes, else the core's own words. */
export function describeError(t: TFunction, error: unknown): string {
  const failure = asApiError(error);
  const transport = failure.transportProblem;
  if (transport) return t(`errors.transport.${transport}`);
  const llmProblem = llmProblemOf(failure.details);
  if (llmProblem) return t(`llm.problem.${llmProblem}`);
  if (failure.code === 'RATE_LIMITED') {
    const waitMs = failure.retryAfterMs;
    return waitMs === null
      ? t('errors.rateLimitedLater')
      : t('errors.RATE_LIMITED', { count: Math.max(1, Math.ceil(waitMs / 1000)) });
  }
  if (isTranslated(failure.code)) return t(`errors.${failure.code}`);
  return failure.message;
}
