import type { UiLanguage } from '../../../src-shared/domain/languages';
import { useContractQuery } from './useContractQuery';

export interface PolicyView {
  /** true when the school's machine policy fixes this setting key (the settings screens disable its control). */
  isLocked: (key: string) => boolean;
  /** The interface languages the policy allows; null when it allows them all. */
  allowedUiLanguages: readonly UiLanguage[] | null;
  /** What is wrong with the policy file, for the admin; empty when it is fine or absent. */
  problems: readonly string[];
}

/** The machine policy in force. It does not change while Parley runs, so it is read once. */
export function usePolicy(): PolicyView {
  const { data } = useContractQuery('policy:get', {}, { staleTime: Infinity });
  const locked = new Set(data?.locked ?? []);
  return {
    isLocked: (key) => locked.has(key),
    allowedUiLanguages: data?.policy.uiLanguages ?? null,
    problems: data?.problems ?? [],
  };
}
