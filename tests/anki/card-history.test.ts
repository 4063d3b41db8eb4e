import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayAnswers } from '../../src-main/services/anki/card-history';
import { replayCard } from '../../src-main/services/review/replay';
import { DEFAULT_PRESET } from '../../src-shared/domain/vocabulary';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const row = { profileId: 'p', cardId: 'c', deviceId: 'd' };

// Anki's revlog ids are times, unique per collection: no two answers share one.
// Fuzz on and a capped interval, so the fuzzed intervals (seeded from each answer's time and the card) must match.
const preset = { ...DEFAULT_PRESET, fsrsWeights: null, fuzz: true, maximumInterval: 300 };

const answersArb = fc
  .array(
    fc.record({
      rating: fc.constantFrom(1, 2, 3, 4),
      gapMs: fc.oneof(fc.integer({ min: 0, max: 90 }).map((m) => m * MINUTE + 1), fc.integer({ min: 1, max: 400 }).map((d) => d * DAY + 17)),
      durationMs: fc.integer({ min: -5, max: 2 * 60 * 60 * 1000 }),
    }),
    { minLength: 0, maxLength: 25 },
  )
  .map((steps) => {
    let at = Date.UTC(2023, 4, 1);
    return steps.map((s) => ({ reviewedAt: (at += s.gapMs), rating: s.rating, durationMs: s.durationMs }));
  });

describe('replaying an Anki card history', () => {
  it('ends in exactly the state replayCard gives, and logs the state after every answer', () => {
    fc.assert(
      fc.property(answersArb, fc.boolean(), (answers, shuffled) => {
        const input = shuffled ? [...answers].reverse() : answers;
        const { fields, logs } = replayAnswers(input, preset, row);
        expect(fields).toEqual(replayCard(answers, preset));
        expect(logs.map((l) => l.reviewedAt)).toEqual(answers.map((a) => a.reviewedAt));
        logs.forEach((log, i) => {
          const after = replayCard(answers.slice(0, i + 1), preset);
          const before = replayCard(answers.slice(0, i), preset);
          expect(log).toMatchObject({
            ...row,
            rating: answers[i]!.rating,
            stateBefore: before.state,
            stateAfter: after.state,
            dueAfter: after.due,
            stabilityAfter: after.stability,
            difficultyAfter: after.difficulty,
            scheduledDays: after.scheduledDays,
            elapsedDays: i === 0 ? 0 : (answers[i]!.reviewedAt - answers[i - 1]!.reviewedAt) / DAY,
          });
          expect(log.durationMs).toBe(Math.max(0, Math.min(answers[i]!.durationMs, 60 * 60 * 1000)));
        });
        expect(new Set(logs.map((l) => l.id)).size).toBe(logs.length);
      }),
      { numRuns: 150 },
    );
  });
});
