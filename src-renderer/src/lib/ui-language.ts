import { uiLanguageFor, uiLanguages, type UiLanguage } from '../../../src-shared/domain/languages';

/** Interface languages are named in themselves, so a learner can always find their own. */
export const uiLanguageNames: Record<UiLanguage, string> = { en: 'English', es: 'Español' };

export const uiLanguageOptions = uiLanguages.map((value) => ({ value, label: uiLanguageNames[value] }));

/**
 * The interface language: the profile's own choice, else its native language when Parley speaks it, else the
 * machine's default (set by the administrator).
 */
export function resolveUiLanguage(
  choice: UiLanguage | 'auto' | undefined,
  nativeLanguage: string | undefined,
  appDefault: UiLanguage,
): UiLanguage {
  if (choice && choice !== 'auto') return choice;
  if (nativeLanguage && (uiLanguages as readonly string[]).includes(nativeLanguage))
    return uiLanguageFor(nativeLanguage);
  return appDefault;
}

/** Before the core has answered (or when its data cannot be opened): the browser's language, if Parley speaks it. */
export function browserUiLanguage(): UiLanguage {
  return uiLanguageFor(navigator.language.slice(0, 2).toLowerCase());
}

/** The interface languages a machine policy allows (null: all of them), as select options. */
export function allowedUiLanguageOptions(allowed: readonly UiLanguage[] | null) {
  return allowed ? uiLanguageOptions.filter((option) => allowed.includes(option.value)) : uiLanguageOptions;
}

/** 'Automatic' may pick any interface language, so it is offered only when the policy allows them all (as the core). */
export function allowsAutoUiLanguage(allowed: readonly UiLanguage[] | null): boolean {
  return !allowed || uiLanguages.every((language) => allowed.includes(language));
}
