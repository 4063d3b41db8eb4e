import { z } from 'zod';
import { correctionCategory, correctionCounts } from '../domain/corrections';

/** The shapes of the conversation and speaking parts of the progress dashboard and weekly report. */

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-29');
const count = z.number().int().min(0);
const rate = z.number().min(0).nullable();

/** Talk with the tutor over some time: learner turns, their words, the time in conversation, what was corrected. */
export const conversationTotals = z.object({
  /** Conversations with at least one learner turn in the period. */
  conversations: count,
  /** Learner messages (typed or spoken). */
  turns: count,
  words: count,
  /** From message times: the gaps between messages within a sitting (see domain/conversation-stats.ts). */
  conversationMs: count,
  /** Spoken turns with audio, and their length (voice practice). */
  voiceTurns: count,
  spokenMs: count,
  /** Scenarios whose goal was reached in the period. */
  scenariosCompleted: count,
  corrections: correctionCounts,
});
export type ConversationTotals = z.infer<typeof conversationTotals>;

export const conversationWeek = conversationTotals.extend({ week: dayKey });
export type ConversationWeek = z.infer<typeof conversationWeek>;

/** Everything in conversation so far, and the last twelve study weeks (Monday first, the current week last). */
export const conversationStats = z.object({
  totals: conversationTotals,
  weeks: z.array(conversationWeek),
});
export type ConversationStats = z.infer<typeof conversationStats>;

/** Speaking rates over spoken turns, weighted by their length (see speakingRates in domain/conversation-stats.ts). */
export const speakingRates = z.object({
  turns: count,
  spokenMs: count,
  wordsPerMinute: rate,
  articulationRate: rate,
  pausesPerMinute: rate,
  meanPauseMs: rate,
  fillersPer100Words: rate,
});
export type SpeakingRatesOutput = z.infer<typeof speakingRates>;

/**
 * Speaking metrics from the voice turns. `available` is false on an installation without voice practice data
 * (no voice_turns table): the panel then explains rather than shows zeros.
 */
export const speakingStats = z.object({
  available: z.boolean(),
  totals: speakingRates,
  weeks: z.array(speakingRates.extend({ week: dayKey })),
});
export type SpeakingStats = z.infer<typeof speakingStats>;

/** A correction the tutor made in the week, original → corrected, and how many times. */
export const recurringCorrection = z.object({
  original: z.string(),
  corrected: z.string(),
  category: correctionCategory,
  count: count,
});

export const reportConversations = z.object({
  totals: conversationTotals,
  /** The most frequent corrections of the week, by original → corrected (case and spacing ignored). */
  recurring: z.array(recurringCorrection),
  speaking: speakingRates,
});
export type ReportConversations = z.infer<typeof reportConversations>;
