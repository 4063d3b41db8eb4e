import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/error-message';

/** A function that turns any failed call into a sentence in the learner's interface language. */
export function useDescribeError(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => describeError(t, error), [t]);
}
