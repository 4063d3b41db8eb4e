import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayCard } from '../../src-main/services/review/review-service';
import type { FsrsFields } from '../../src-main/services/review/scheduler';
import { HOUR, MINUTE, learnerWithDeck, word, type Learner } from './review-fixture';

let l: Learner;
beforeAll(async () => {
  // A capped maximum interval keeps every card inside a 365-day "review ahead" session, so the test can answer
  // it whenever the random history says, early or late. Fuzz stays on: replay must reproduce it too.
  l = await learnerWithDeck({
    timeZone: 'UTC',
    preset: { newPerDay: 9999, reviewsPerDay: 99999, maximumInterval: 300, fuzz: true },
  });
});
afterAll(async () => l.core.close());

const answerArb = fc.record({
  rating: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
  // Within a learning session (minutes) or days to months later, sometimes long after the card was due.
  gapMs: fc.oneof(
    fc.integer({ min: 0, max: 90 }).map((m) => m * MINUTE),
    fc.integer({ min: 1, max: 400 * 24 }).map((h) => h * HOUR),
  ),
});

interface LogRow {
  id: string;
  reviewedAt: number;
  rating: number;
  stateAfter: number;
  dueAfter: number;
  stabilityAfter: number;
  difficultyAfter: number;
}

function storedFields(cardId: string): FsrsFields & { createdAt: number } {
  return l.sqlite
    .prepare(
      `SELECT state, due, stability, difficulty, scheduled_days AS scheduledDays, learning_steps AS learningSteps, reps, lapses,
              last_review AS lastReview, created_at AS createdAt FROM cards WHERE id = ?`,
    )
    .get(cardId) as FsrsFields & { createdAt: number };
}

let words = 0;

describe('the review log', () => {
  it('replays through ts-fsrs to exactly the stored card state, after every answer of any history', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 1, maxLength: 20 }), (history) => {
        const run = (words += 1);
        const [noteId] = l.addWords([word(run)]);
        const cardId = l.cardOf(noteId!);
        history.forEach(({ rating, gapMs }, i) => {
          l.clock.advance(gapMs);
          const isNew = storedFields(cardId).state === 0;
          const scope = { deckId: l.deck.id, custom: isNew ? null : ({ mode: 'ahead', days: 365 } as const) };
          const session = `replay-${run}-${i}`;
          l.services.review.next(l.profileId, session, scope);
          l.services.review.answer(l.profileId, session, { scope, cardId, rating, durationMs: 1000 });
        });

        const logs = l.sqlite
          .prepare(
            `SELECT id, reviewed_at AS reviewedAt, rating, state_after AS stateAfter, due_after AS dueAfter,
                    stability_after AS stabilityAfter, difficulty_after AS difficultyAfter
             FROM review_logs WHERE card_id = ? ORDER BY reviewed_at`,
          )
          .all(cardId) as LogRow[];
        expect(logs.map((log) => log.rating)).toEqual(history.map((h) => h.rating));
        const preset = l.services.presets.get(l.profileId, l.deck.presetId);
        const stored = storedFields(cardId);
        const { createdAt: _created, ...fields } = stored;
        expect(replayCard(logs, preset, stored.createdAt)).toEqual(fields);
        // And every log row holds the state the card had right after that answer.
        logs.forEach((log, i) => {
          const replayed = replayCard(logs.slice(0, i + 1), preset);
          expect({
            state: log.stateAfter,
            due: log.dueAfter,
            stability: log.stabilityAfter,
            difficulty: log.difficultyAfter,
          }).toEqual({
            state: replayed.state,
            due: replayed.due,
            stability: replayed.stability,
            difficulty: replayed.difficulty,
          });
        });
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('replays logs given in any order by their review time', () => {
    const preset = l.services.presets.get(l.profileId, l.deck.presetId);
    const t0 = Date.UTC(2026, 2, 1, 9);
    const logs = [
      { reviewedAt: t0, rating: 3 },
      { reviewedAt: t0 + 10 * MINUTE, rating: 3 },
      { reviewedAt: t0 + 3 * 24 * HOUR, rating: 1 },
      { reviewedAt: t0 + 3 * 24 * HOUR + 10 * MINUTE, rating: 4 },
    ];
    const inOrder = replayCard(logs, preset);
    expect(replayCard([logs[2]!, logs[0]!, logs[3]!, logs[1]!], preset)).toEqual(inOrder);
    expect(inOrder).toMatchObject({ state: 2, reps: 4, lapses: 1, lastReview: t0 + 3 * 24 * HOUR + 10 * MINUTE });
  });
});
