import { useTranslation } from 'react-i18next';
import { languageCodes, type LanguageCode } from '../../../src-shared/domain/languages';

const isLanguageCode = (code: string): code is LanguageCode => (languageCodes as readonly string[]).includes(code);

/** A language's name in the interface language, for codes that arrive as plain strings (cards carry them so). */
export function useLanguageName(): (code: string) => string {
  const { t } = useTranslation();
  return (code: string) => (isLanguageCode(code) ? t(`languages.${code}`) : code);
}
