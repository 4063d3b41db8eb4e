import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../src-shared/domain/languages';
import en from './en.json';
import es from './es.json';

/** Typed as the English file, so a key missing from the Spanish one fails the type check. */
const spanish: typeof en = es;

export const resources = { en: { translation: en }, es: { translation: spanish } } as const;

export function setupI18n(language: UiLanguage): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'es'],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Spanish writes language names in lower case inside a sentence ("Aprendes español").
  i18n.services.formatter?.add('lowercase', (value: unknown, lng) => String(value).toLocaleLowerCase(lng));
  return i18n;
}
