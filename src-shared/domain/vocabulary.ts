import { z } from 'zod';
import { languageCode } from './languages';
import { id, label } from './text';

export const partsOfSpeech = [
  'noun', 'verb', 'adjective', 'adverb', 'pronoun', 'preposition', 'conjunction', 'determiner', 'numeral', 'interjection', 'phrase',
] as const;
export const partOfSpeech = z.enum(partsOfSpeech);
export const grammaticalGender = z.enum(['m', 'f', 'n', 'mf']);
export const cardKind = z.enum(['recognition', 'production', 'cloze']);
export type CardKind = z.infer<typeof cardKind>;
export const noteSource = z.enum(['manual', 'import', 'tutor', 'starter', 'anki']);

/** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
export const cardState = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
/** 1 again, 2 hard, 3 good, 4 easy. */
export const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Rating = z.infer<typeof rating>;

export const exampleSentence = z.strictObject({ text: z.string().max(1000), translation: z.string().max(1000).default('') });
export const tag = z
  .string()
  .max(60)
  .transform((s) => s.trim().toLowerCase().replace(/\s+/g, '_'))
  .pipe(z.string().min(1).max(60));

/** Steps like "1m", "10m", "1h", "1d". */
export const step = z.string().regex(/^\d{1,4}(\.\d+)?[mhd]$/, 'a step is a number followed by m, h or d');

export const noteFields = z.strictObject({
  term: label(500),
  translation: label(1000),
  examples: z.array(exampleSentence).max(10).default([]),
  partOfSpeech: partOfSpeech.nullable().default(null),
  gender: grammaticalGender.nullable().default(null),
  ipa: z.string().max(200).nullable().default(null),
  tags: z.array(tag).max(50).default([]),
});

export const note = z.object({
  id,
  deckId: id,
  term: z.string(),
  translation: z.string(),
  examples: z.array(z.object({ text: z.string(), translation: z.string() })),
  partOfSpeech: partOfSpeech.nullable(),
  gender: grammaticalGender.nullable(),
  ipa: z.string().nullable(),
  tags: z.array(z.string()),
  audio: z.array(z.string()),
  images: z.array(z.string()),
  source: noteSource,
  createdAt: z.number().int(),
});
export type Note = z.infer<typeof note>;

export const presetFields = z.strictObject({
  name: label(80),
  desiredRetention: z.number().min(0.7).max(0.99),
  newPerDay: z.number().int().min(0).max(9999),
  reviewsPerDay: z.number().int().min(0).max(99999),
  learningSteps: z.array(step).max(10),
  relearningSteps: z.array(step).max(10),
  maximumInterval: z.number().int().min(1).max(36500),
  fuzz: z.boolean(),
  dayStartHour: z.number().int().min(0).max(23),
  leechThreshold: z.number().int().min(1).max(99),
  leechSuspend: z.boolean(),
});
export const preset = presetFields.extend({ id, fsrsWeights: z.array(z.number()).nullable() });
export type Preset = z.infer<typeof preset>;

export const DEFAULT_PRESET: z.infer<typeof presetFields> = {
  name: 'Default',
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  fuzz: true,
  dayStartHour: 4,
  leechThreshold: 8,
  leechSuspend: false,
};

export const deckCounts = z.object({ new: z.number().int(), learning: z.number().int(), review: z.number().int(), total: z.number().int(), suspended: z.number().int() });

export const deck = z.object({
  id,
  parentId: id.nullable(),
  name: z.string(),
  /** "Parent::Child", as Anki writes it. */
  fullName: z.string(),
  nativeLanguage: languageCode,
  targetLanguage: languageCode,
  presetId: id,
  origin: z.string().nullable(),
  counts: deckCounts,
});
export type Deck = z.infer<typeof deck>;
