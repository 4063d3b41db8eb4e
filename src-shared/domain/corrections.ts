import { z } from 'zod';

/** What kind of mistake a correction fixes; counted per category on the Progress screen. */
export const correctionCategories = ['grammar', 'vocabulary', 'spelling', 'word_order', 'register'] as const;
export const correctionCategory = z.enum(correctionCategories);
export type CorrectionCategory = z.infer<typeof correctionCategory>;

export const correctionSeverities = ['minor', 'moderate', 'major'] as const;
export const correctionSeverity = z.enum(correctionSeverities);
export type CorrectionSeverity = z.infer<typeof correctionSeverity>;

/**
 * One fix to a learner's message. `original` is the learner's words, `corrected` the fixed words, and the
 * explanation is written in the learner's native language.
 */
export const correction = z.strictObject({
  original: z.string().min(1).max(1000),
  corrected: z.string().max(1000),
  explanation: z.string().max(2000),
  category: correctionCategory,
  severity: correctionSeverity,
});
export type Correction = z.infer<typeof correction>;

/** What the analysis model must return: the schema behind `response_format: json_schema`. */
export const correctionReport = z.strictObject({
  corrections: z.array(correction).max(20),
});
export type CorrectionReport = z.infer<typeof correctionReport>;

export const correctionCounts = z.object({
  grammar: z.number().int(),
  vocabulary: z.number().int(),
  spelling: z.number().int(),
  word_order: z.number().int(),
  register: z.number().int(),
});
export type CorrectionCounts = z.infer<typeof correctionCounts>;
