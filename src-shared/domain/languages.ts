import { z } from 'zod';

/** Languages a learner can speak or study, as ISO 639-1 codes. */
export const languageCodes = [
  'en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'sv', 'pl', 'ru', 'uk', 'tr', 'ar', 'zh', 'ja', 'ko', 'hi', 'el', 'cs', 'ro',
] as const;
export const languageCode = z.enum(languageCodes);
export type LanguageCode = z.infer<typeof languageCode>;

/** Languages the interface itself is translated into. */
export const uiLanguages = ['en', 'es'] as const;
export const uiLanguage = z.enum(uiLanguages);
export type UiLanguage = z.infer<typeof uiLanguage>;

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const cefrLevel = z.enum(cefrLevels);
export type CefrLevel = z.infer<typeof cefrLevel>;

export const learningGoals = ['travel', 'work', 'study', 'exam', 'family', 'culture', 'conversation', 'other'] as const;
export const learningGoal = z.enum(learningGoals);
export type LearningGoal = z.infer<typeof learningGoal>;

/** The interface language for a learner: their native language when Parley speaks it, else English. */
export function uiLanguageFor(native: string | undefined, override: UiLanguage | 'auto' = 'auto'): UiLanguage {
  if (override !== 'auto') return override;
  return (uiLanguages as readonly string[]).includes(native ?? '') ? (native as UiLanguage) : 'en';
}
