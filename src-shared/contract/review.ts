import { z } from 'zod';
import { storedMediaName } from './anki';
import { defineContract } from './define';
import { id } from '../domain/text';
import { cardKind, cardState, grammaticalGender, partOfSpeech, rating, tag } from '../domain/vocabulary';

/** Which cards a session studies: a deck (with its subdecks) or all, and optionally "study more". */
export const studyScope = z.strictObject({
  deckId: id.nullable().default(null),
  custom: z
    .discriminatedUnion('mode', [
      /** Reviews due within the next `days` days, now: up to a day's review limit, no new cards. */
      z.strictObject({ mode: z.literal('ahead'), days: z.number().int().min(1).max(365) }),
      /** Today's new-card limit raised by `count`. */
      z.strictObject({ mode: z.literal('extraNew'), count: z.number().int().min(1).max(9999) }),
      /** Only the words with this tag: a fresh day's worth of their due and new cards. */
      z.strictObject({ mode: z.literal('tag'), tag }),
    ])
    .nullable()
    .default(null),
});

export type StudyScope = z.output<typeof studyScope>;

export const queueCounts = z.object({ new: z.number().int(), learning: z.number().int(), review: z.number().int() });

export const reviewCard = z.object({
  cardId: id,
  noteId: id,
  kind: cardKind,
  state: cardState,
  /** What is asked. */
  prompt: z.string(),
  /** What is answered. */
  answer: z.string(),
  /** For cloze cards: the sentence with the term blanked, and its translation. */
  example: z.object({ text: z.string(), translation: z.string() }).nullable(),
  term: z.string(),
  translation: z.string(),
  partOfSpeech: partOfSpeech.nullable(),
  gender: grammaticalGender.nullable(),
  ipa: z.string().nullable(),
  targetLanguage: z.string(),
  tags: z.array(z.string()),
  /** The note's own sounds and pictures (from an Anki package), read with `anki:media`. */
  audio: z.array(storedMediaName),
  images: z.array(storedMediaName),
  /** The next interval for each rating, in ms from now. */
  intervals: z.object({ again: z.number(), hard: z.number(), good: z.number(), easy: z.number() }),
});
export type ReviewCard = z.infer<typeof reviewCard>;

const nextOutput = z.object({
  card: reviewCard.nullable(),
  counts: queueCounts,
  /** When nothing is due now but a learning card will be, its due time. */
  nextLearningAt: z.number().int().nullable(),
  canUndo: z.boolean(),
});

const afterAnswer = ['decks:list', 'review:next', 'browse:search', 'notes:get'];

export const reviewNext = defineContract({
  channel: 'review:next',
  input: studyScope,
  output: nextOutput,
});

export const reviewAnswer = defineContract({
  channel: 'review:answer',
  input: z.strictObject({ scope: studyScope, cardId: id, rating, durationMs: z.number().int().min(0).max(3_600_000) }),
  output: nextOutput.extend({ leech: z.boolean() }),
  invalidates: ['decks:list', 'browse:search', 'notes:get'],
});

export const reviewUndo = defineContract({
  channel: 'review:undo',
  input: z.strictObject({ scope: studyScope }),
  output: nextOutput,
  invalidates: afterAnswer,
});

export const reviewSuspend = defineContract({
  channel: 'review:suspend',
  input: z.strictObject({ scope: studyScope, cardId: id }),
  output: nextOutput,
  invalidates: ['decks:list', 'browse:search', 'notes:get'],
});

export const reviewBury = defineContract({
  channel: 'review:bury',
  input: z.strictObject({ scope: studyScope, cardId: id }),
  output: nextOutput,
  invalidates: ['decks:list', 'browse:search', 'notes:get'],
});

export const reviewContract = [reviewNext, reviewAnswer, reviewUndo, reviewSuspend, reviewBury] as const;
