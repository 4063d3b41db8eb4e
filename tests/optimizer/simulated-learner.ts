import type Database from 'better-sqlite3';
import { createEmptyCard, default_w, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

const DAY = 86_400_000;

/**
 * A learner whose memory follows FSRS with weights unlike the defaults: they forget new words much faster and
 * gain less from each success. Parley schedules them with the defaults, so the review log they leave holds what
 * a personal fit should find.
 */
export const LEARNER_WEIGHTS = (() => {
  const w = [...default_w];
  [w[0], w[1], w[2], w[3], w[8], w[20]] = [0.05, 0.3, 0.8, 2.5, 1.2, 0.3];
  return w;
})();

/** A small deterministic PRNG, so the simulated history is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SimulatedAnswer {
  cardId: string;
  reviewedAt: number;
  rating: Grade;
  stateBefore: number;
  card: Card;
  elapsedDays: number;
}

/** Studies each card from new for `days` days: due dates from default FSRS, recall drawn from the learner's memory. */
export function simulateLearner(cardIds: string[], start: number, days: number, seed = 7): SimulatedAnswer[] {
  const next = random(seed);
  const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });
  const memory = fsrs({ w: LEARNER_WEIGHTS, enable_fuzz: false, enable_short_term: false });
  const answers: SimulatedAnswer[] = [];
  cardIds.forEach((cardId, i) => {
    let day = Math.floor(i / 10);
    let scheduled: Card = createEmptyCard(new Date(start));
    let remembered: Card = createEmptyCard(new Date(start));
    while (day < days) {
      const at = new Date(start + day * DAY + 10 * 3_600_000);
      const recalled =
        remembered.state === 0 ? next() < 0.6 : next() < memory.get_retrievability(remembered, at, false);
      const rating: Grade = !recalled
        ? Rating.Again
        : next() < 0.1
          ? Rating.Hard
          : next() < 0.1
            ? Rating.Easy
            : Rating.Good;
      const stateBefore = scheduled.state;
      const elapsedDays = scheduled.last_review ? (at.getTime() - scheduled.last_review.getTime()) / DAY : 0;
      scheduled = scheduler.next(scheduled, at, rating).card;
      remembered = memory.next(remembered, at, rating).card;
      answers.push({ cardId, reviewedAt: at.getTime(), rating, stateBefore, card: scheduled, elapsedDays });
      day = Math.max(day + 1, Math.round((scheduled.due.getTime() - start) / DAY));
    }
  });
  return answers;
}

/** Test fixture: writes the answers as review-log rows directly, as a long-used profile would hold them. */
export function writeReviewLog(sqlite: Database.Database, profileId: string, answers: SimulatedAnswer[]): void {
  const insert = sqlite.prepare(
    `INSERT INTO review_logs (id, profile_id, card_id, reviewed_at, rating, state_before, state_after, due_after, stability_after,
       difficulty_after, elapsed_days, scheduled_days, duration_ms, device_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 4000, 'simulated', 'h')`,
  );
  sqlite.transaction(() => {
    answers.forEach((a, i) =>
      insert.run(
        `log-${i}`,
        profileId,
        a.cardId,
        a.reviewedAt,
        a.rating,
        a.stateBefore,
        a.card.state,
        a.card.due.getTime(),
        a.card.stability,
        a.card.difficulty,
        a.elapsedDays,
        a.card.scheduled_days,
      ),
    );
  })();
}
