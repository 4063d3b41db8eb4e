import { z } from 'zod';
import { defineContract } from './define';
import { id } from '../domain/text';

const fit = z.object({ logLoss: z.number(), rmse: z.number() });

export const optimizerRun = defineContract({
  channel: 'optimizer:run',
  input: z.strictObject({ presetId: id }),
  output: z.object({ jobId: z.string() }),
});

export const optimizerResult = defineContract({
  channel: 'optimizer:result',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({
    jobId: z.string(),
    status: z.enum(['running', 'done', 'failed', 'cancelled']),
    presetId: id,
    reviews: z.number().int(),
    current: fit.nullable(),
    optimized: fit.nullable(),
    weights: z.array(z.number()).nullable(),
    /** True only when the new weights predict the learner's own reviews better. */
    better: z.boolean(),
    error: z.string().nullable(),
  }),
});

export const optimizerAccept = defineContract({
  channel: 'optimizer:accept',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({ presetId: id, weights: z.array(z.number()) }),
  invalidates: ['decks:getPreset', 'review:next'],
});

export const optimizerCancel = defineContract({
  channel: 'optimizer:cancel',
  input: z.strictObject({ jobId: z.string().max(64) }),
  output: z.object({ cancelled: z.boolean() }),
});

export const optimizerContract = [optimizerRun, optimizerResult, optimizerAccept, optimizerCancel] as const;
