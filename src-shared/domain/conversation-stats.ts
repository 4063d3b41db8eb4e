/**
 * Pure figures for the conversation and speaking statistics on the Progress screen: words in a message, time spent
 * in conversation from message times, corrections per 100 words, speaking rates from summed voice-turn metrics.
 */
import { correctionCategories, type CorrectionCategory, type CorrectionCounts } from './corrections';

/** A gap longer than this between two messages of a conversation starts a new sitting; the time away is not counted. */
export const SITTING_GAP_MS = 10 * 60_000;

/** Weeks in the dashboard's conversation and speaking series, the current one last. */
export const CONVERSATION_WEEKS = 12;

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Words in a message: runs of letters and digits ("l'eau", "well-known" and "2026" are one word each). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Corrections per 100 words written; null when no words were written. */
export function per100Words(corrections: number, words: number): number | null {
  return words > 0 ? (corrections * 100) / words : null;
}

export const zeroCorrections = (): CorrectionCounts =>
  Object.fromEntries(correctionCategories.map((c) => [c, 0])) as CorrectionCounts;

export const totalCorrections = (counts: CorrectionCounts): number =>
  correctionCategories.reduce((sum, c) => sum + counts[c], 0);

/** Categories by how often they were corrected, most first (ties in the categories' own order); zeros left out. */
export function rankCategories(counts: CorrectionCounts): { category: CorrectionCategory; count: number }[] {
  return correctionCategories
    .map((category) => ({ category, count: counts[category] }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
}

/**
 * The time a gap between two consecutive messages of one conversation adds to the time spent in conversation: the
 * whole gap within a sitting (reading, thinking, typing), nothing when the learner was away longer than a sitting gap.
 */
export function sittingGap(previousAt: number, at: number): number {
  const gap = at - previousAt;
  return gap > 0 && gap <= SITTING_GAP_MS ? gap : 0;
}

/** Sums of the fluency metrics of spoken turns (src-shared/domain/voice.ts), as the core adds them up. */
export interface SpeakingSums {
  turns: number;
  durationMs: number;
  phonationMs: number;
  words: number;
  syllables: number;
  pauses: number;
  /** Σ pause count × mean pause: the time spent in pauses of 250 ms or more. */
  pauseMs: number;
  fillers: number;
}

export const ZERO_SPEAKING: SpeakingSums = {
  turns: 0,
  durationMs: 0,
  phonationMs: 0,
  words: 0,
  syllables: 0,
  pauses: 0,
  pauseMs: 0,
  fillers: 0,
};

export function addSpeaking(into: SpeakingSums, more: SpeakingSums): SpeakingSums {
  for (const key of Object.keys(into) as (keyof SpeakingSums)[]) into[key] += more[key];
  return into;
}

export interface SpeakingRates {
  /** Words per minute of speaking turn (pauses included). */
  wordsPerMinute: number | null;
  /** Syllables per second of phonation (pauses excluded). */
  articulationRate: number | null;
  pausesPerMinute: number | null;
  meanPauseMs: number | null;
  fillersPer100Words: number | null;
}

/** Rates over many turns weighted by their length: summed counts over summed times, never a mean of means. */
export function speakingRates(s: SpeakingSums): SpeakingRates {
  const minutes = s.durationMs / 60_000;
  return {
    wordsPerMinute: minutes > 0 ? s.words / minutes : null,
    articulationRate: s.phonationMs > 0 ? s.syllables / (s.phonationMs / 1000) : null,
    pausesPerMinute: minutes > 0 ? s.pauses / minutes : null,
    meanPauseMs: s.pauses > 0 ? s.pauseMs / s.pauses : null,
    fillersPer100Words: per100Words(s.fillers, s.words),
  };
}
