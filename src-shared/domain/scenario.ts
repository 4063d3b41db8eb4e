import { z } from 'zod';
import type { UiLanguage } from './languages';
import { scenarioId, type ScenarioSummary } from './tutor';

/** Scenarios go from first words to fluent debate; C2 learners pick C1 scenarios or free talk. */
export const scenarioLevels = ['A1', 'A2', 'B1', 'B2', 'C1'] as const;
export const scenarioLevel = z.enum(scenarioLevels);
export type ScenarioLevel = z.infer<typeof scenarioLevel>;

/** Broad topics the library is browsed by. */
export const scenarioTopics = [
  'food',
  'travel',
  'health',
  'home',
  'work',
  'shopping',
  'social',
  'services',
  'study',
  'opinion',
] as const;
export const scenarioTopic = z.enum(scenarioTopics);
export type ScenarioTopic = z.infer<typeof scenarioTopic>;

/** Languages the tutor can hold a scenario in: the vocabulary gives a term for each. */
export const scenarioTargetLanguages = ['en', 'es', 'fr', 'de'] as const;
export type ScenarioTargetLanguage = (typeof scenarioTargetLanguages)[number];

const line = (max: number) => z.string().trim().min(1).max(max);

/** Text shown in the interface, in every interface language. */
const uiText = (max: number) => z.strictObject({ en: line(max), es: line(max) });

/**
 * A useful word or phrase for the scenario. `concept` is an English gloss (what the word means, used when the
 * target language has no entry); `terms` gives the natural wording per target language, with articles for nouns.
 */
export const scenarioVocabularyItem = z.strictObject({
  concept: line(80),
  terms: z.strictObject({ en: line(80), es: line(80), fr: line(80), de: line(80) }),
});
export type ScenarioVocabularyItem = z.infer<typeof scenarioVocabularyItem>;

const tag = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);

/**
 * A role-play, written once and played in any target language. Learner-facing texts (`title`, `description`,
 * roles, `goal`) exist in each interface language; the tutor's instructions (`opening`, `successCheck`,
 * `tutorNotes`) are in English, the language models follow most reliably, and name no target language.
 */
export const scenario = z.strictObject({
  id: scenarioId,
  /** Raise when the content changes. */
  version: z.number().int().min(1),
  level: scenarioLevel,
  topic: scenarioTopic,
  tags: z.array(tag).min(1).max(8),
  title: uiText(80),
  description: uiText(300),
  /** Who the tutor plays. */
  tutorRole: uiText(200),
  /** Who the learner plays. */
  learnerRole: uiText(200),
  /** What the learner must achieve, stated as the learner reads it. */
  goal: uiText(300),
  /** How the tutor opens the scene: setting, first line, what to ask first. */
  opening: line(500),
  /** What the tutor checks to say the goal is reached: concrete, observable in the conversation. */
  successCheck: line(500),
  /** Optional guidance on tone, complications to introduce, things to avoid. */
  tutorNotes: line(500).optional(),
  vocabulary: z.array(scenarioVocabularyItem).min(4).max(16),
});
export type Scenario = z.infer<typeof scenario>;

/** The words of the scenario in the language being learned. */
export function scenarioVocabularyIn(s: Scenario, target: string): string[] {
  const lang = (scenarioTargetLanguages as readonly string[]).includes(target)
    ? (target as ScenarioTargetLanguage)
    : null;
  return s.vocabulary.map((v) => (lang ? v.terms[lang] : v.concept));
}

/** The scenario as listed for a learner: texts in the interface language, vocabulary in the target language. */
export function summarizeScenario(s: Scenario, ui: UiLanguage, target: string): ScenarioSummary {
  return {
    id: s.id,
    level: s.level,
    title: s.title[ui],
    description: s.description[ui],
    goal: s.goal[ui],
    tutorRole: s.tutorRole[ui],
    learnerRole: s.learnerRole[ui],
    vocabulary: scenarioVocabularyIn(s, target),
    tags: [s.topic, ...s.tags.filter((t) => t !== s.topic)],
  };
}
