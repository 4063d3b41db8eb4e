import type { CefrLevel } from '../../../../src-shared/domain/languages';
import type { Scenario } from '../../../../src-shared/domain/scenario';

/** Everything a prompt knows about the learner and the scene. Built per call by tutor/learner-context.ts. */
export interface LearnerContext {
  nativeLanguage: string;
  targetLanguage: string;
  level: CefrLevel;
  goals: string[];
  interests: string[];
  /** Up to five words due for review or new, to weave into the conversation. */
  studyWords: { term: string; translation: string }[];
  scenario: Scenario | null;
}

/** How to pitch the language at each level. */
export const LEVEL_GUIDANCE: Record<CefrLevel, string> = {
  A1: 'Use very short, simple sentences, the present tense, and the most common everyday words. Speak slowly and clearly, one idea per sentence.',
  A2: 'Use short, simple sentences and common words; simple past and near future are fine. Avoid idioms.',
  B1: 'Use clear everyday language with some connected sentences; common idioms are fine if the meaning is clear from context.',
  B2: 'Use natural language with varied structures and some idiomatic expressions, as with a fluent but considerate speaker.',
  C1: 'Use rich, natural language, nuanced vocabulary and complex structures, as with an educated native speaker.',
  C2: 'Speak entirely naturally, as with another native speaker, including idiom, humour and nuance.',
};

export const needsNativeHints = (level: CefrLevel) => level === 'A1' || level === 'A2';
