import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../src-shared/domain/languages';

/** Switches the interface (and the document's lang attribute, for screen readers) to a language. */
export function useUiLanguage(language: UiLanguage): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
}
