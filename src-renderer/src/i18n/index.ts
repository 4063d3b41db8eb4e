import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../src-shared/domain/languages';
import en from './en.json';
import es from './es.json';
import enData from './en/data.json';
import enLlm from './en/llm.json';
import enStats from './en/stats.json';
import enSync from './en/sync.json';
import enTutor from './en/tutor.json';
import enVoice from './en/voice.json';
import esData from './es/data.json';
import esLlm from './es/llm.json';
import esStats from './es/stats.json';
import esSync from './es/sync.json';
import esTutor from './es/tutor.json';
import esVoice from './es/voice.json';

/**
 * The core screens live in `en.json`; each later domain has its own file under `en/` and `es/`, merged here under
 * its own key (`t('tutor.…')`, `t('stats.…')`, `t('llm.…')`, `t('data.…')`, `t('sync.…')`, `t('voice.…')`).
 */
const english = { ...en, stats: enStats, tutor: enTutor, llm: enLlm, data: enData, sync: enSync, voice: enVoice };
export type Translation = typeof english;

/** Typed as the English files, so a key missing from a Spanish one fails the type check. */
const spanish: Translation = { ...es, stats: esStats, tutor: esTutor, llm: esLlm, data: esData, sync: esSync, voice: esVoice };

export const resources = { en: { translation: english }, es: { translation: spanish } } as const;

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
