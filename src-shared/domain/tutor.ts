import { z } from 'zod';
import { correction } from './corrections';
import { cefrLevel } from './languages';
import { id } from './text';

export const messageRoles = ['learner', 'tutor'] as const;
export const messageRole = z.enum(messageRoles);
export type MessageRole = z.infer<typeof messageRole>;

/**
 * `streaming` while tokens arrive; `incomplete` when the reply stopped early (Stop, a dropped stream, a time-out)
 * and can be continued; `error` when no text came at all.
 */
export const messageStatuses = ['streaming', 'complete', 'incomplete', 'error'] as const;
export const messageStatus = z.enum(messageStatuses);
export type MessageStatus = z.infer<typeof messageStatus>;

/** Corrections of a learner message: `none` for tutor messages and when no model is configured. */
export const analysisStatus = z.enum(['none', 'pending', 'done', 'failed']);
export type AnalysisStatus = z.infer<typeof analysisStatus>;

export const tutorMessage = z.object({
  id,
  conversationId: id,
  role: messageRole,
  text: z.string(),
  status: messageStatus,
  /** Why the reply stopped early or failed, in plain words; null when complete. */
  error: z.string().nullable(),
  createdAt: z.number().int(),
  corrections: z.array(correction),
  analysis: analysisStatus,
  /** Cached on-demand translation into the native language; null until asked. */
  translation: z.string().nullable(),
});
export type TutorMessage = z.infer<typeof tutorMessage>;

export const conversation = z.object({
  id,
  title: z.string(),
  scenarioId: z.string().nullable(),
  /** When the scenario's goal was reached; null before (and for free talk). */
  goalReachedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  /** Time of the last message (or creation). Lists sort by it, newest first. */
  lastMessageAt: z.number().int(),
  messageCount: z.number().int(),
  /** The start of the last message, for lists. */
  preview: z.string(),
});
export type Conversation = z.infer<typeof conversation>;

export const scenarioId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** A scenario as listed for the learner, already in the interface language. */
export const scenarioSummary = z.object({
  id: z.string(),
  level: cefrLevel,
  title: z.string(),
  description: z.string(),
  goal: z.string(),
  tutorRole: z.string(),
  learnerRole: z.string(),
  vocabulary: z.array(z.string()),
  tags: z.array(z.string()),
});
export type ScenarioSummary = z.infer<typeof scenarioSummary>;

/** A stretch of a snippet that matched the search, as character offsets (no HTML crosses the boundary). */
export const highlight = z.object({ start: z.number().int(), end: z.number().int() });

export const tutorSearchHit = z.object({
  conversationId: id,
  conversationTitle: z.string(),
  messageId: id,
  role: messageRole,
  snippet: z.string(),
  highlights: z.array(highlight),
  createdAt: z.number().int(),
});
export type TutorSearchHit = z.infer<typeof tutorSearchHit>;

/** A word worth keeping from the conversation, offered as a card. */
export const wordSuggestion = z.object({
  term: z.string(),
  translation: z.string(),
  /** The sentence of the conversation it appeared in: the card's example. */
  sentence: z.string(),
  origin: z.enum(['correction', 'tutor', 'scenario']),
});
export type WordSuggestion = z.infer<typeof wordSuggestion>;

export const drillKinds = ['cloze', 'translate', 'choice', 'order'] as const;
export const drillKind = z.enum(drillKinds);
export type DrillKind = z.infer<typeof drillKind>;

/**
 * One offline exercise built from the learner's notes. The expected answer stays in the core: the UI sends the
 * answer to `tutor:recordDrill`, which checks it.
 *  - cloze: `prompt` is the example sentence with the term blanked as `[…]` (CLOZE_BLANK); `hint` its translation.
 *  - translate: `prompt` is the translation; type the term.
 *  - choice: `prompt` is the translation; pick the term among `choices`.
 *  - order: `tokens` are the example sentence's words shuffled; `hint` its translation; answer the sentence.
 */
export const drill = z.object({
  noteId: id,
  kind: drillKind,
  prompt: z.string(),
  hint: z.string(),
  choices: z.array(z.string()),
  tokens: z.array(z.string()),
});
export type Drill = z.infer<typeof drill>;

export const drillTotals = z.object({ attempted: z.number().int(), correct: z.number().int() });
export type DrillTotals = z.infer<typeof drillTotals>;
