import type { TFunction } from 'i18next';
import { llmProblemCodes, type LlmProblemCode } from '../../../../src-shared/domain/tutor-llm';

/** A model problem in the interface language when its code is known, else the core's plain words. */
export function problemText(t: TFunction, code: string | null | undefined, fallback: string | null): string {
  if (code && (llmProblemCodes as readonly string[]).includes(code)) return t(`llm.problem.${code as LlmProblemCode}`);
  return fallback ?? '';
}
