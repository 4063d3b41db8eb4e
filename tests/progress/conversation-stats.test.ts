import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createHlcClock } from '../../db/hlc-clock';
import { createMutator } from '../../db/mutate';
import type { Db } from '../../db/open';
import * as schema from '../../db/schema';
import {
  countWords,
  per100Words,
  sittingGap,
  speakingRates,
  SITTING_GAP_MS,
  ZERO_SPEAKING,
} from '../../src-shared/domain/conversation-stats';
import { DAY, MINUTE, learnerWithDeck, word, type Learner } from '../review/review-fixture';
import { seedConversation, type SeedTurn } from './conversation-seed';

describe('conversation figures', () => {
  it('counts words as runs of letters and digits, in any script', () => {
    expect(countWords('Hola, ¿qué tal?  Bien.')).toBe(4);
    expect(countWords("l'eau est bien-aimée en 2026")).toBe(5);
    expect(countWords('Привет, как дела')).toBe(3);
    expect(countWords(' … ¡! ')).toBe(0);
  });

  it('gives corrections per 100 words, and nothing without words', () => {
    expect(per100Words(3, 60)).toBe(5);
    expect(per100Words(2, 0)).toBeNull();
  });

  it('counts a gap within a sitting in full and the time away not at all', () => {
    expect(sittingGap(1000, 1000 + 90_000)).toBe(90_000);
    expect(sittingGap(0, SITTING_GAP_MS)).toBe(SITTING_GAP_MS);
    expect(sittingGap(0, SITTING_GAP_MS + 1)).toBe(0);
    expect(sittingGap(5000, 4000)).toBe(0);
  });

  it('weighs speaking rates by the length of the turns, not as a mean of means', () => {
    // 10 words in 6 s and 110 words in 54 s: 120 words a minute, where a mean of the two rates would say 111.
    const rates = speakingRates({
      turns: 2,
      durationMs: 60_000,
      phonationMs: 40_000,
      words: 120,
      syllables: 200,
      pauses: 6,
      pauseMs: 3_000,
      fillers: 3,
    });
    expect(rates).toEqual({
      wordsPerMinute: 120,
      articulationRate: 5,
      pausesPerMinute: 6,
      meanPauseMs: 500,
      fillersPer100Words: 2.5,
    });
    expect(speakingRates(ZERO_SPEAKING)).toEqual({
      wordsPerMinute: null,
      articulationRate: null,
      pausesPerMinute: null,
      meanPauseMs: null,
      fillersPer100Words: null,
    });
  });
});

let learner: Learner | undefined;
afterEach(async () => {
  await learner?.core.close();
  learner = undefined;
});

const spoken = (durationMs: number, words: number) => ({
  durationMs,
  phonationMs: durationMs / 2,
  words,
  syllables: words * 2,
  pauseCount: 2,
  meanPauseMs: 400,
  fillers: 1,
});

/** 2026-03-18 is a Wednesday; 11:00 UTC is noon in Madrid. */
const NOW = Date.UTC(2026, 2, 18, 11);

function seedWeeks(l: Learner) {
  const thisWeek: SeedTurn[] = [
    // 4 + 3 words; the gaps: 20 s (reply), 40 s (next turn), 15 s (reply) → 75 s, then a break of an hour.
    {
      at: NOW - 3 * 60 * MINUTE,
      text: 'Yo quiero un cafe',
      replyAfterMs: 20_000,
      corrections: [
        { category: 'spelling', original: 'cafe', corrected: 'café' },
        { category: 'grammar', original: 'Yo quiero', corrected: 'Quiero' },
      ],
      voice: spoken(3000, 4),
    },
    {
      at: NOW - 3 * 60 * MINUTE + 60_000,
      text: 'con leche, gracias',
      replyAfterMs: 15_000,
      corrections: [{ category: 'spelling', original: 'Cafe ', corrected: 'café' }],
      voice: spoken(2000, 3),
    },
    // After an hour away: a new sitting, whose first gap is not counted. 2 words.
    { at: NOW - 60 * MINUTE, text: 'Hasta luego' },
  ];
  seedConversation(l.sqlite, l.profileId, thisWeek);
  // Two weeks earlier, a scenario completed; 5 words, one vocabulary correction.
  const past = NOW - 14 * DAY;
  seedConversation(
    l.sqlite,
    l.profileId,
    [
      {
        at: past,
        text: 'Necesito un billete para Sevilla',
        replyAfterMs: 30_000,
        corrections: [{ category: 'vocabulary', original: 'billete', corrected: 'boleto' }],
      },
    ],
    { scenarioId: 'buying-a-train-ticket', goalReachedAt: past + 30_000 },
  );
  // A deleted conversation counts nowhere.
  seedConversation(
    l.sqlite,
    l.profileId,
    [
      {
        at: NOW - 2 * 60 * MINUTE,
        text: 'uno dos tres',
        replyAfterMs: 5000,
        corrections: [{ category: 'register', original: 'a', corrected: 'b' }],
      },
    ],
    { deleted: true },
  );
}

describe('conversation statistics on the dashboard and in the weekly report', () => {
  it('counts turns, time, words and corrections by category, in all and per study week', async () => {
    learner = await learnerWithDeck({ start: NOW, timeZone: 'Europe/Madrid' });
    const l = learner;
    seedWeeks(l);
    const d = await l.c.call('progress:dashboard', {});
    const corrections = { grammar: 1, vocabulary: 1, spelling: 2, word_order: 0, register: 0 };
    expect(d.conversation.totals).toEqual({
      conversations: 2,
      turns: 4,
      words: 14,
      conversationMs: 75_000 + 30_000,
      voiceTurns: 2,
      spokenMs: 5000,
      scenariosCompleted: 1,
      corrections,
    });
    const weeks = d.conversation.weeks;
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toMatchObject({ week: '2026-03-16', turns: 3, words: 9, conversationMs: 75_000 });
    expect(weeks.at(-1)!.corrections).toEqual({ grammar: 1, vocabulary: 0, spelling: 2, word_order: 0, register: 0 });
    expect(weeks.at(-3)).toMatchObject({ week: '2026-03-02', turns: 1, words: 5, scenariosCompleted: 1 });
    expect(weeks.filter((w) => w.turns > 0)).toHaveLength(2);

    expect(d.speaking.available).toBe(true);
    // 7 words in 5 s of speech: 84 a minute; 4 pauses of 400 ms in 5 s.
    expect(d.speaking.weeks.at(-1)).toMatchObject({ week: '2026-03-16', turns: 2, spokenMs: 5000, wordsPerMinute: 84 });
    expect(d.speaking.totals.pausesPerMinute).toBeCloseTo(48);
    expect(d.speaking.totals.meanPauseMs).toBe(400);
    expect(d.speaking.weeks.at(-3)!.wordsPerMinute).toBeNull();
  });

  it("lists the week's conversations and its most frequent corrections in the weekly report", async () => {
    learner = await learnerWithDeck({ start: NOW, timeZone: 'Europe/Madrid' });
    const l = learner;
    seedWeeks(l);
    const r = await l.c.call('progress:weeklyReport', {});
    expect(r.conversations.totals).toMatchObject({ conversations: 1, turns: 3, words: 9, scenariosCompleted: 0 });
    // "cafe" and "Cafe " are the same mistake.
    expect(r.conversations.recurring).toEqual([
      { original: 'Cafe', corrected: 'café', category: 'spelling', count: 2 },
      { original: 'Yo quiero', corrected: 'Quiero', category: 'grammar', count: 1 },
    ]);
    expect(r.conversations.speaking).toMatchObject({ turns: 2, wordsPerMinute: 84 });
    const earlier = await l.c.call('progress:weeklyReport', { week: '2026-03-04' });
    expect(earlier.conversations.totals).toMatchObject({ turns: 1, scenariosCompleted: 1 });
    expect(earlier.conversations.recurring.map((c) => c.corrected)).toEqual(['boleto']);
  });

  it('keeps no stale figures: a new turn and a conversation deleted through the tutor show at once', async () => {
    learner = await learnerWithDeck({ start: NOW, timeZone: 'Europe/Madrid' });
    const l = learner;
    seedWeeks(l);
    expect((await l.c.call('progress:dashboard', {})).conversation.totals.turns).toBe(4);
    const id = seedConversation(l.sqlite, l.profileId, [{ at: NOW - MINUTE, text: 'Una más' }]);
    expect((await l.c.call('progress:dashboard', {})).conversation.totals.turns).toBe(5);
    // A write elsewhere (a word added) moves the outbox on; the tutor's write after it still counts.
    l.addWords([word(1)]);
    expect((await l.c.call('progress:dashboard', {})).conversation.totals.turns).toBe(5);
    await l.c.call('tutor:delete', { conversationId: id });
    const d = await l.c.call('progress:dashboard', {});
    expect(d.conversation.totals.turns).toBe(4);
    expect(d.conversation.weeks.at(-1)!.turns).toBe(3);
  });

  it('reads only today again after a new turn, and everything again when an older row changes', async () => {
    learner = await learnerWithDeck({ start: NOW, timeZone: 'Europe/Madrid' });
    const l = learner;
    seedWeeks(l);
    const totals = async () => (await l.c.call('progress:dashboard', {})).conversation.totals;
    expect((await totals()).turns).toBe(4);
    // Today's turn with a correction: counted onto the kept days before, its gap after the last turn included.
    seedConversation(l.sqlite, l.profileId, [
      { at: NOW - 30 * MINUTE, text: 'Otra vez', replyAfterMs: 10_000, corrections: [{ category: 'word_order', original: 'a', corrected: 'b' }] },
    ]);
    let t = await totals();
    expect(t).toMatchObject({ conversations: 3, turns: 5, words: 16, conversationMs: 115_000 });
    expect(t.corrections.word_order).toBe(1);
    // A correction found later for a message two weeks old reaches back: everything is read again.
    const old = l.sqlite.prepare(`SELECT id, conversation_id FROM tutor_messages WHERE role = 'learner' ORDER BY created_at LIMIT 1`).get() as { id: string; conversation_id: string };
    l.sqlite
      .prepare(
        `INSERT INTO tutor_corrections (id, profile_id, message_id, conversation_id, position, original, corrected, explanation, category, severity, created_at, updated_at)
         VALUES ('k-old', ?, ?, ?, 9, 'x', 'y', '', 'register', 'minor', ?, 'h')`,
      )
      .run(l.profileId, old.id, old.conversation_id, NOW);
    expect((await totals()).corrections.register).toBe(1);
    // A local write through the outbox that tombstones that old message: it and its corrections leave the figures.
    const db = drizzle(l.sqlite, { schema }) as Db;
    createMutator(db, createHlcClock(db, () => NOW)).remove(schema.tutorMessages, l.profileId, old.id);
    t = await totals();
    expect(t).toMatchObject({ turns: 4, words: 11 });
    expect(t.corrections).toMatchObject({ register: 0, vocabulary: 0, word_order: 1 });
  });

  it('counts a study day with only a conversation in the streak', async () => {
    // Tuesday 13:00 in Madrid; the study day starts at 4:00.
    learner = await learnerWithDeck({ start: NOW - 2 * DAY, timeZone: 'Europe/Madrid' });
    const l = learner;
    l.addWords([word(1), word(2), word(3)]);
    const answer = async () => {
      const next = await l.c.call('review:next', { deckId: null });
      await l.c.call('review:answer', {
        scope: { deckId: null },
        cardId: next.card!.cardId,
        rating: 4,
        durationMs: 2000,
      });
    };
    await answer();
    expect((await l.c.call('progress:dashboard', {})).streak).toEqual({ current: 1, longest: 1, activeToday: true });
    // A turn with the tutor at 2:30 the next night in Madrid still belongs to the first study day.
    seedConversation(l.sqlite, l.profileId, [{ at: Date.UTC(2026, 2, 17, 1, 30), text: 'Buenas noches' }]);
    l.clock.advance(DAY);
    expect((await l.c.call('progress:dashboard', {})).streak).toEqual({ current: 1, longest: 1, activeToday: false });
    // One at noon makes the second day of the streak, with no review.
    seedConversation(l.sqlite, l.profileId, [{ at: Date.UTC(2026, 2, 17, 11), text: 'Buenos días' }]);
    expect((await l.c.call('progress:dashboard', {})).streak).toEqual({ current: 2, longest: 2, activeToday: true });
    l.clock.advance(DAY);
    await answer();
    const d = await l.c.call('progress:dashboard', {});
    expect(d.streak).toEqual({ current: 3, longest: 3, activeToday: true });
    expect(d.totalReviews).toBe(2);
  });
});
