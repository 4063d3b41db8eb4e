import type { FluencyMetrics } from '../../../../src-shared/domain/voice';
import { findFillers } from './fillers';
import { pitchRangeSemitones } from './pitch-range';
import { countSyllables, wordsOf } from './syllables';
import { findSpeech } from './speech-segments';

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const per = (a: number, b: number) => (b > 0 ? a / b : 0);

/**
 * The fluency of one learner turn from its PCM (mono floats) and transcript. Times run from the first to the last
 * speech frame (the silence the end-of-turn detector waited through is not the learner's); pauses are silences of
 * 250 ms or more inside that span.
 */
export function measureFluency(samples: Float32Array, sampleRate: number, transcript: string, language: string, fillers: string[][]): FluencyMetrics {
  const segments = findSpeech(samples, sampleRate);
  const durationMs = segments.offsetMs - segments.onsetMs;
  const pauseMs = segments.pauses.reduce((sum, [start, end]) => sum + (end - start), 0);
  const phonationMs = durationMs - pauseMs;
  const words = wordsOf(transcript);
  const syllables = words.reduce((sum, w) => sum + countSyllables(w, language), 0);
  const { count, found } = findFillers(words, fillers);
  const pitch = pitchRangeSemitones(samples, sampleRate, segments.speechFrames);
  return {
    durationMs,
    phonationMs,
    words: words.length,
    syllables,
    wordsPerMinute: round(per(words.length, durationMs / 60_000), 1),
    syllablesPerSecond: round(per(syllables, durationMs / 1000)),
    articulationRate: round(per(syllables, phonationMs / 1000)),
    pauseCount: segments.pauses.length,
    meanPauseMs: Math.round(per(pauseMs, segments.pauses.length)),
    meanLengthOfRun: round(per(syllables, segments.pauses.length + 1), 1),
    fillers: count,
    fillerWords: found,
    pitchRangeSemitones: pitch === null ? null : round(pitch, 1),
  };
}

/** A session's fluency: the turns' totals, with rates recomputed from them (not averaged). Null for no turns. */
export function sumFluency(turns: FluencyMetrics[]): FluencyMetrics | null {
  if (!turns.length) return null;
  const total = (key: 'durationMs' | 'phonationMs' | 'words' | 'syllables' | 'pauseCount' | 'fillers') => turns.reduce((s, t) => s + t[key], 0);
  const durationMs = total('durationMs');
  const phonationMs = total('phonationMs');
  const words = total('words');
  const syllables = total('syllables');
  const pauseCount = total('pauseCount');
  const pauseMs = turns.reduce((s, t) => s + t.meanPauseMs * t.pauseCount, 0);
  const pitches = turns.map((t) => t.pitchRangeSemitones).filter((p): p is number => p !== null);
  return {
    durationMs,
    phonationMs,
    words,
    syllables,
    wordsPerMinute: round(per(words, durationMs / 60_000), 1),
    syllablesPerSecond: round(per(syllables, durationMs / 1000)),
    articulationRate: round(per(syllables, phonationMs / 1000)),
    pauseCount,
    meanPauseMs: Math.round(per(pauseMs, pauseCount)),
    // Each turn is one more run than it has pauses.
    meanLengthOfRun: round(per(syllables, pauseCount + turns.length), 1),
    fillers: total('fillers'),
    fillerWords: [...new Set(turns.flatMap((t) => t.fillerWords))],
    pitchRangeSemitones: pitches.length ? round(pitches.reduce((a, b) => a + b, 0) / pitches.length, 1) : null,
  };
}
