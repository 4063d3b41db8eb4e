import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, learnerWithDeck, word, type Learner } from '../review/review-fixture';

let learner: Learner | undefined;
afterEach(async () => {
  await learner?.core.close();
  learner = undefined;
});

/** Answers `n` cards of the queue with `rating`, each taking `seconds`. */
async function answer(l: Learner, n: number, rating: 1 | 2 | 3 | 4, seconds = 5) {
  for (let i = 0; i < n; i += 1) {
    const next = await l.c.call('review:next', { deckId: null });
    if (!next.card) throw new Error('queue ran dry');
    await l.c.call('review:answer', {
      scope: { deckId: null },
      cardId: next.card.cardId,
      rating,
      durationMs: seconds * 1000,
    });
  }
}

describe('progress dashboard on a seeded profile', () => {
  it('counts reviews, time, streak and card states from answers given through the contract', async () => {
    // 2026-01-13 is a Tuesday; noon UTC is 13:00 in Madrid.
    learner = await learnerWithDeck({ start: Date.UTC(2026, 0, 13, 12), timeZone: 'Europe/Madrid' });
    const l = learner;
    l.addWords(Array.from({ length: 30 }, (_, i) => word(i)));
    // "Easy" sends a new card days ahead, so each day's queue starts with new cards only.
    await answer(l, 5, 4, 8); // day 1: five new cards, 40 s
    l.clock.advance(DAY);
    await answer(l, 4, 4); // day 2: 20 s
    l.clock.advance(DAY);
    await answer(l, 3, 1, 200); // day 3 (today): three "again", each counted as 120 s at most

    const first = await l.c.call('progress:dashboard', {});
    expect(first.words).toEqual({ known: 0, studied: 0, total: 0, asOf: null, pending: true });
    await l.services.progress.wordsSettled(l.profileId);
    const d = await l.c.call('progress:dashboard', {});
    expect(d.words.asOf).toBe(l.clock.now());
    expect(d.words.pending).toBe(false);
    expect(d.today).toBe('2026-01-15');
    expect(d.timeZone).toBe('Europe/Madrid');
    expect(d.streak).toEqual({ current: 3, longest: 3, activeToday: true });
    expect(d.totalReviews).toBe(12);
    expect(d.done).toEqual({ reviews: 3, introduced: 3, durationMs: 360_000 });
    expect(d.time).toEqual({ todayMs: 360_000, last7Ms: 420_000, last30Ms: 420_000, totalMs: 420_000 });
    // 30 notes × 2 cards; each answer moves a new card to learning; siblings are buried, not counted apart.
    expect(d.cards.new + d.cards.learning + d.cards.young + d.cards.mature).toBe(60);
    expect(d.cards.learning).toBe(3);
    expect(d.cards.young).toBe(9);
    expect(d.cards.suspended).toBe(0);
    // Day 2 brought the production cards of day 1's words first (new cards go in note order): 7 words studied.
    expect(d.words.studied).toBe(7);
    expect(d.words.total).toBe(30);
    expect(d.words.known).toBeGreaterThan(0);
    expect(d.words.known).toBeLessThanOrEqual(7);
    expect(d.forecast).toHaveLength(30);
    expect(d.forecast[0]!.date).toBe('2026-01-15');
    expect(d.retention.desired).toBe(0.9);
    expect(d.retention.months.at(-1)).toEqual({ month: '2026-01', passed: 0, failed: 0, retention: null });
    // The same numbers the deck list shows for today.
    const list = await l.c.call('decks:list', {});
    expect(d.due).toEqual({
      new: list.decks[0]!.counts.new,
      learning: list.decks[0]!.counts.learning,
      review: list.decks[0]!.counts.review,
    });
  });

  it('takes an undone answer out of the totals (the trigger on delete)', async () => {
    learner = await learnerWithDeck({ start: Date.UTC(2026, 0, 13, 12) });
    const l = learner;
    l.addWords([word(1), word(2)]);
    await answer(l, 2, 3, 10);
    await l.c.call('review:undo', { scope: { deckId: null } });
    const d = await l.c.call('progress:dashboard', {});
    expect(d.totalReviews).toBe(1);
    expect(d.time.totalMs).toBe(10_000);
    const row = l.sqlite.prepare('SELECT * FROM review_buckets WHERE profile_id = ?').all(l.profileId);
    expect(row).toEqual([expect.objectContaining({ reviews: 1, good: 1, introduced: 1, duration_ms: 10_000 })]);
  });

  it('counts true retention from review cards only, per month of study days', async () => {
    learner = await learnerWithDeck({ start: Date.UTC(2026, 1, 10, 12) });
    const l = learner;
    const notes = l.addWords(Array.from({ length: 10 }, (_, i) => word(i)));
    notes.forEach((n, i) => l.makeReview(l.cardOf(n), l.clock.now() - HOUR * (i + 1)));
    l.sqlite.prepare("UPDATE cards SET suspended = 1 WHERE kind = 'production'").run();
    await answer(l, 8, 3);
    await answer(l, 2, 1);
    const d = await l.c.call('progress:dashboard', {});
    expect(d.retention.months.at(-1)).toEqual({ month: '2026-02', passed: 8, failed: 2, retention: 0.8 });
    expect(d.retention.months).toHaveLength(12);
    expect(d.retention.months[0]!.month).toBe('2025-03');
    expect(d.cards.suspended).toBe(10);
  });

  it('puts overdue cards on today in the forecast and later ones on their own day', async () => {
    const start = Date.UTC(2026, 2, 2, 12);
    learner = await learnerWithDeck({ start });
    const l = learner;
    const notes = l.addWords(Array.from({ length: 6 }, (_, i) => word(i)));
    l.makeReview(l.cardOf(notes[0]!), start - 3 * DAY);
    l.makeReview(l.cardOf(notes[1]!), start + HOUR);
    l.makeReview(l.cardOf(notes[2]!), start + 2 * DAY);
    l.makeReview(l.cardOf(notes[3]!), start + 29 * DAY);
    l.makeReview(l.cardOf(notes[4]!), start + 40 * DAY);
    const { forecast } = await l.c.call('progress:dashboard', {});
    expect(forecast[0]).toEqual({ date: '2026-03-02', due: 2 });
    expect(forecast[2]).toEqual({ date: '2026-03-04', due: 1 });
    expect(forecast[29]).toEqual({ date: '2026-03-31', due: 1 });
    expect(forecast.reduce((n, f) => n + f.due, 0)).toBe(4);
  });

  it('estimates words known as the sum over notes of the best recall chance among their cards', async () => {
    const start = Date.UTC(2026, 3, 1, 12);
    learner = await learnerWithDeck({ start });
    const l = learner;
    const notes = l.addWords(Array.from({ length: 12 }, (_, i) => word(i)));
    // Ten notes reviewed 10 days ago with a stability of 10 days: 90 % each by the forgetting curve. Their production
    // cards are weaker (stability 1): the best card counts, not the sum or the mean.
    for (const note of notes.slice(0, 10)) {
      l.makeReview(l.cardOf(note), start, 10);
      l.makeReview(l.cardOf(note, 'production'), start, 1);
    }
    await l.c.call('progress:dashboard', {});
    await l.services.progress.wordsSettled(l.profileId);
    const { words } = await l.c.call('progress:dashboard', {});
    expect(words).toMatchObject({ known: 9, studied: 10, total: 12, pending: false });
    // A month later every chance has fallen: the estimate is worked out again once it has aged.
    l.clock.advance(30 * DAY);
    await l.c.call('progress:dashboard', {});
    await l.services.progress.wordsSettled(l.profileId);
    expect((await l.c.call('progress:dashboard', {})).words.known).toBeLessThan(9);
  });
});
