import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../src-shared/contract';
import { caller } from '../support/test-core';
import { DAY, HOUR, MINUTE, learnerWithDeck, word, type Learner } from './review-fixture';

let learner: Learner | undefined;
afterEach(async () => {
  await learner?.core.close();
  learner = undefined;
});

async function start(options: Parameters<typeof learnerWithDeck>[0] = {}) {
  learner = await learnerWithDeck({ timeZone: 'UTC', ...options });
  return learner;
}

/** Another window signed in to the same learner: it builds its own queue from what is in the database. */
async function freshWindow(l: Learner) {
  const window = caller(l.core);
  await window.call('profiles:signIn', { profileId: l.profileId });
  return window;
}

type Next = Output<'review:next'>;

/** Answers whatever is shown with `rating` until nothing is due now; returns the cards shown, in order. */
async function answerAll(l: Learner, scope: Input<'review:next'>, rating: 1 | 2 | 3 | 4 = 3, c = l.c) {
  const shown: NonNullable<Next['card']>[] = [];
  let next: Next = await c.call('review:next', scope);
  while (next.card) {
    shown.push(next.card);
    next = await c.call('review:answer', { scope, cardId: next.card.cardId, rating, durationMs: 2000 });
  }
  return { shown, last: next };
}

describe('the day’s queue', () => {
  it('offers new cards up to the daily limit, one card per word, minus those already introduced today', async () => {
    const l = await start({ preset: { newPerDay: 3 } });
    l.addWords([1, 2, 3, 4, 5].map((i) => word(i)));
    const scope = { deckId: l.deck.id };
    const first = await l.c.call('review:next', scope);
    expect(first.counts).toEqual({ new: 3, learning: 0, review: 0 });
    expect(first.card).toMatchObject({ kind: 'recognition', term: 'palabra1', state: 0 });

    const second = await l.c.call('review:answer', { scope, cardId: first.card!.cardId, rating: 3, durationMs: 2000 });
    await l.c.call('review:answer', { scope, cardId: second.card!.cardId, rating: 3, durationMs: 2000 });
    expect((await (await freshWindow(l)).call('review:next', scope)).counts).toEqual({
      new: 1,
      learning: 2,
      review: 0,
    });

    l.clock.advance(DAY);
    expect((await l.c.call('review:next', scope)).counts.new).toBe(3);
  });

  it('spreads new cards evenly among the reviews', async () => {
    const l = await start({ preset: { newPerDay: 3 } });
    const notes = l.addWords(Array.from({ length: 12 }, (_, i) => word(i)));
    for (const noteId of notes.slice(0, 9)) l.makeReview(l.cardOf(noteId), l.clock.now() - DAY);
    const { shown, last } = await answerAll(l, { deckId: l.deck.id });
    expect(shown.map((c) => c.state)).toEqual([2, 2, 2, 0, 2, 2, 2, 0, 2, 2, 2, 0]);
    // The three new cards are in their learning steps: nothing is due now, the first comes back in 10 minutes.
    expect(last.counts).toEqual({ new: 0, learning: 3, review: 0 });
    expect(last.nextLearningAt).toBe(l.clock.now() + 10 * MINUTE);
  });

  it('includes subdecks, and counts them against the studied deck’s limits', async () => {
    const l = await start({ preset: { newPerDay: 3 } });
    const child = l.services.deckRows.create(l.profileId, {
      name: 'Verbs',
      parentId: l.deck.id,
      nativeLanguage: 'en',
      targetLanguage: 'es',
    });
    l.addWords([word(1), word(2)]);
    l.addWords([word(3), word(4)], child.id);
    // Easy sends each card days away, so only new cards are shown on the following days.
    const terms = async (deckId: string | null) =>
      (await answerAll(l, { deckId }, 4, await freshWindow(l))).shown.map((c) => `${c.term} ${c.kind}`);

    expect(await terms(child.id)).toEqual(['palabra3 recognition', 'palabra4 recognition']);
    l.clock.advance(DAY);
    expect(await terms(l.deck.id)).toEqual(['palabra1 recognition', 'palabra2 recognition', 'palabra3 production']);
    l.clock.advance(DAY);
    expect(await terms(null)).toEqual(['palabra1 production', 'palabra2 production', 'palabra4 production']);
  });

  it('starts the study day at the preset hour in the learner’s time zone, not in UTC', async () => {
    // 08:30 UTC on 15 January is 03:30 in New York: still the study day that began at 04:00 on the 14th.
    const l = await start({
      timeZone: 'America/New_York',
      start: Date.UTC(2026, 0, 15, 8, 30),
      preset: { newPerDay: 2, dayStartHour: 4 },
    });
    const notes = l.addWords([1, 2, 3, 4, 5, 6].map((i) => word(i)));
    l.makeReview(l.cardOf(notes[4]!), Date.UTC(2026, 0, 15, 8, 50)); // 03:50 New York: due this study day
    l.makeReview(l.cardOf(notes[5]!), Date.UTC(2026, 0, 15, 9, 30)); // 04:30 New York: due the next one
    const scope = { deckId: l.deck.id };
    expect((await l.c.call('review:next', scope)).counts).toEqual({ new: 2, learning: 0, review: 1 });
    await answerAll(l, scope);

    l.clock.t = Date.UTC(2026, 0, 15, 8, 59);
    expect((await (await freshWindow(l)).call('review:next', scope)).counts).toMatchObject({ new: 0, review: 0 });
    l.clock.t = Date.UTC(2026, 0, 15, 9, 1); // 04:01 in New York: a new study day (in UTC it would still be the same one)
    expect((await (await freshWindow(l)).call('review:next', scope)).counts).toMatchObject({ new: 2, review: 1 });
  });

  it('leaves out suspended cards, and buried ones until the next study day', async () => {
    const l = await start({ preset: { newPerDay: 10 } });
    const notes = l.addWords([word(1), word(2), word(3)]);
    const [one, two, three] = notes.map((n) => l.cardOf(n));
    const scope = { deckId: l.deck.id };
    expect((await l.c.call('review:next', scope)).card?.cardId).toBe(one);
    const afterSuspend = await l.c.call('review:suspend', { scope, cardId: one! });
    expect(afterSuspend.card?.cardId).toBe(two);
    const afterBury = await l.c.call('review:bury', { scope, cardId: two! });
    expect(afterBury.card?.cardId).toBe(three);
    expect(l.cardRow(two!).buried_until).toBe(Date.UTC(2026, 0, 16, 4));

    const today = (await answerAll(l, scope, 4, await freshWindow(l))).shown.map((c) => c.cardId);
    expect(today).not.toContain(one);
    expect(today).not.toContain(two);
    l.clock.advance(DAY);
    const tomorrow = (await answerAll(l, scope, 4, await freshWindow(l))).shown.map((c) => c.cardId);
    expect(tomorrow).toContain(two);
    expect(tomorrow).not.toContain(one);
  });

  it('buries a word’s other cards for the rest of the day once one of them is answered', async () => {
    const l = await start({ preset: { newPerDay: 10 } });
    const [noteId] = l.addWords([word(1, { example: 'Esta palabra1 es nueva.' })]);
    const scope = { deckId: l.deck.id };
    const first = await l.c.call('review:next', scope);
    expect(first.card?.kind).toBe('recognition');
    const after = await l.c.call('review:answer', { scope, cardId: first.card!.cardId, rating: 4, durationMs: 2000 });
    expect(after.card).toBeNull();
    const nextDay = Date.UTC(2026, 0, 16, 4);
    expect(l.cardRow(l.cardOf(noteId!, 'production')).buried_until).toBe(nextDay);
    expect(l.cardRow(l.cardOf(noteId!, 'cloze')).buried_until).toBe(nextDay);
    expect((await (await freshWindow(l)).call('review:next', scope)).counts).toEqual({
      new: 0,
      learning: 0,
      review: 0,
    });

    l.clock.t = nextDay + HOUR;
    expect((await (await freshWindow(l)).call('review:next', scope)).card?.kind).toBe('production');
  });

  it('brings a learning card back once its step is due', async () => {
    const l = await start();
    l.addWords([word(1), word(2)]);
    const scope = { deckId: l.deck.id };
    const first = await l.c.call('review:next', scope);
    const second = await l.c.call('review:answer', { scope, cardId: first.card!.cardId, rating: 1, durationMs: 2000 });
    expect(second.card?.term).toBe('palabra2');
    const waiting = await l.c.call('review:answer', {
      scope,
      cardId: second.card!.cardId,
      rating: 3,
      durationMs: 2000,
    });
    expect(waiting.card).toBeNull();
    expect(waiting.nextLearningAt).toBe(l.clock.now() + MINUTE);
    l.clock.advance(MINUTE);
    const back = await l.c.call('review:next', scope);
    expect(back.card).toMatchObject({ cardId: first.card!.cardId, state: 1 });
  });
});

describe('study more', () => {
  it('reviews ahead: cards due in the next days, and no new cards', async () => {
    const l = await start();
    const notes = l.addWords([word(1), word(2)]);
    const soon = l.cardOf(notes[0]!);
    l.makeReview(soon, l.clock.now() + 3 * DAY);
    // Not due yet: today offers only new cards (the word's production card among them).
    expect((await l.c.call('review:next', { deckId: l.deck.id })).counts).toEqual({ new: 2, learning: 0, review: 0 });
    const ahead = await l.c.call('review:next', { deckId: l.deck.id, custom: { mode: 'ahead', days: 5 } });
    expect(ahead.counts).toEqual({ new: 0, learning: 0, review: 1 });
    expect(ahead.card?.cardId).toBe(soon);
  });

  it('adds new cards beyond today’s limit', async () => {
    const l = await start({ preset: { newPerDay: 1 } });
    l.addWords([1, 2, 3, 4].map((i) => word(i)));
    await answerAll(l, { deckId: l.deck.id });
    expect((await l.c.call('review:next', { deckId: l.deck.id })).counts.new).toBe(0);
    const more = await l.c.call('review:next', { deckId: l.deck.id, custom: { mode: 'extraNew', count: 2 } });
    expect(more.counts.new).toBe(2);
  });

  it('studies only the words with a tag', async () => {
    const l = await start({ preset: { newPerDay: 10 } });
    l.addWords([
      word(1, { tags: ['food'] }),
      word(2, { tags: ['travel'] }),
      word(3, { tags: ['verbs', 'food'] }),
      word(4, { tags: ['seafood', 'street_food'] }),
      word(5, { tags: ['café'] }),
    ]);
    const terms = async (tag: string) =>
      (await answerAll(l, { deckId: l.deck.id, custom: { mode: 'tag', tag } }, 3, await freshWindow(l))).shown.map(
        (c) => c.term,
      );
    expect(await terms(' Food ')).toEqual(['palabra1', 'palabra3']);
    expect(await terms('street food')).toEqual(['palabra4']);
    expect(await terms('café')).toEqual(['palabra5']);
  });
});

describe('a card on the screen', () => {
  it('shows the next interval of each button, from a minute for Again up to days for Easy', async () => {
    const l = await start();
    const notes = l.addWords([word(1), word(2)]);
    l.makeReview(l.cardOf(notes[1]!), l.clock.now() - HOUR, 20);
    const review = (await l.c.call('review:next', { deckId: l.deck.id })).card!;
    expect(review.state).toBe(2);
    const { again, hard, good, easy } = review.intervals;
    expect(again).toBe(10 * MINUTE); // the relearning step
    expect(hard).toBeGreaterThanOrEqual(DAY);
    expect(hard).toBeLessThan(good);
    expect(good).toBeLessThan(easy);
    const fresh = await l.c.call('review:answer', {
      scope: { deckId: l.deck.id },
      cardId: review.cardId,
      rating: 3,
      durationMs: 1,
    });
    expect(fresh.card?.intervals).toMatchObject({ again: MINUTE, hard: 6 * MINUTE, good: 10 * MINUTE });
    expect(fresh.card!.intervals.easy).toBeGreaterThanOrEqual(DAY);
  });

  it('asks each kind of card its own way: term → translation, translation → term, sentence with a blank → term', async () => {
    const l = await start({ preset: { newPerDay: 10 } });
    const [noteId] = l.addWords([word(7, { example: 'Mi palabra7 favorita.' })]);
    const scope = { deckId: l.deck.id };
    const shownAlone = async (kind: 'recognition' | 'production' | 'cloze') => {
      const window = await freshWindow(l);
      const next = await window.call('review:next', scope);
      expect(next.card?.kind).toBe(kind);
      await window.call('review:suspend', { scope, cardId: next.card!.cardId });
      return next.card!;
    };
    expect(await shownAlone('recognition')).toMatchObject({ prompt: 'palabra7', answer: 'word7', example: null });
    expect(await shownAlone('production')).toMatchObject({ prompt: 'word7', answer: 'palabra7' });
    const cloze = await shownAlone('cloze');
    expect(cloze).toMatchObject({
      prompt: 'Mi […] favorita.',
      answer: 'palabra7',
      example: { text: 'Mi […] favorita.', translation: 'The sentence 7.' },
    });
    expect(l.services.notes.get(l.profileId, noteId!).cards.every((c) => c.suspended)).toBe(true);
  });

  it('refuses an answer for a card that is not waiting in this session', async () => {
    const l = await start({ preset: { newPerDay: 1 } });
    const notes = l.addWords([word(1), word(2)]);
    const scope = { deckId: l.deck.id };
    await l.c.call('review:next', scope);
    const beyondLimit = await l.c.raw('review:answer', {
      scope,
      cardId: l.cardOf(notes[1]!),
      rating: 3,
      durationMs: 1,
    });
    expect(beyondLimit).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const unknown = await l.c.raw('review:answer', {
      scope,
      cardId: '01890000-0000-7000-8000-000000000000',
      rating: 3,
      durationMs: 1,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(l.sqlite.prepare('SELECT count(*) FROM review_logs').pluck().get()).toBe(0);
  });
});
