import {
  languageCodes,
  type CefrLevel,
  type LanguageCode,
  type LearningGoal,
} from '../../../src-shared/domain/languages';

/** The editable fields of a profile, as a form holds them before sending. */
export interface ProfileDraft {
  displayName: string;
  nativeLanguage: LanguageCode;
  targetLanguage: LanguageCode;
  level: CefrLevel;
  goals: LearningGoal[];
  interests: string[];
}

/** Keys under `validation.` in the translation files. */
export type Problem = 'nameRequired' | 'nameTooLong' | 'passwordTooShort' | 'passwordMismatch' | 'sameLanguage';

export const MAX_NAME_LENGTH = 60;
export const MIN_PASSWORD_LENGTH = 4;

function browserLanguage(): LanguageCode {
  const code = navigator.language.slice(0, 2).toLowerCase();
  return (languageCodes as readonly string[]).includes(code) ? (code as LanguageCode) : 'en';
}

export function newProfileDraft(): ProfileDraft {
  const nativeLanguage = browserLanguage();
  return {
    displayName: '',
    nativeLanguage,
    targetLanguage: nativeLanguage === 'es' ? 'en' : 'es',
    level: 'A1',
    goals: [],
    interests: [],
  };
}

export function nameProblem(name: string): Problem | null {
  const trimmed = name.trim();
  if (!trimmed) return 'nameRequired';
  return trimmed.length > MAX_NAME_LENGTH ? 'nameTooLong' : null;
}

/** An empty password is fine unless one is required; a given one must be long enough and typed twice alike. */
export function passwordProblem(
  password: string,
  confirmation: string,
  required = false,
): { field: 'password' | 'confirm'; problem: Problem } | null {
  if (!password && !required) return null;
  if (password.length < MIN_PASSWORD_LENGTH) return { field: 'password', problem: 'passwordTooShort' };
  return password === confirmation ? null : { field: 'confirm', problem: 'passwordMismatch' };
}

export function languagesProblem(draft: Pick<ProfileDraft, 'nativeLanguage' | 'targetLanguage'>): Problem | null {
  return draft.nativeLanguage === draft.targetLanguage ? 'sameLanguage' : null;
}
