import { afterEach, describe, expect, it } from 'vitest';
import { ACHIEVEMENTS, unlockedAchievements, type AchievementFacts } from '../../src-shared/domain/achievements';
import { caller } from '../support/test-core';
import { DAY, MINUTE, learnerWithDeck, word, type Learner } from '../review/review-fixture';
import { seedConversation } from './conversation-seed';

const HOUR = 3_600_000;
const never = () => null;
const facts = (overrides: Partial<AchievementFacts> = {}): AchievementFacts => ({
  now: 1_000_000,
  firstDeckAt: null,
  reviewsReachedAt: never,
  streakReachedAt: never,
  wordsKnown: 0,
  matureCards: 0,
  perfectDayAt: never,
  studiedReachedAt: never,
  firstConversationAt: never,
  scenariosCompletedAt: never,
  correctionsReachedAt: never,
  firstVoiceAt: never,
  spokenReachedAt: never,
  ...overrides,
});

describe('achievement rules', () => {
  it('unlocks nothing for a new learner', () => {
    expect(unlockedAchievements(facts()).size).toBe(0);
  });

  it('dates each unlock by the data, not by when it was noticed', () => {
    const unlocked = unlockedAchievements(
      facts({
        firstDeckAt: 10,
        reviewsReachedAt: (n) => (n <= 1000 ? n * 5 : null),
        streakReachedAt: (n) => (n <= 30 ? n * 100 : null),
        wordsKnown: 1200,
        matureCards: 99,
        perfectDayAt: (min) => (min === 20 ? 777 : null),
        studiedReachedAt: (ms) => (ms === 10 * HOUR ? 4242 : null),
      }),
    );
    expect(Object.fromEntries(unlocked)).toEqual({
      firstDeck: 10,
      firstReview: 5,
      reviews1000: 5000,
      streak7: 700,
      streak30: 3000,
      words100: 1_000_000,
      words1000: 1_000_000,
      perfectDay: 777,
      hours10: 4242,
    });
  });

  it('unlocks the tutor and voice achievements from their own facts, at their goals', () => {
    const unlocked = unlockedAchievements(
      facts({
        firstConversationAt: () => 50,
        scenariosCompletedAt: (n) => (n <= 10 ? n * 7 : null),
        correctionsReachedAt: (n) => (n <= 99 ? 3 : null),
        firstVoiceAt: () => 60,
        spokenReachedAt: (ms) => (ms === 60 * MINUTE ? 900 : null),
      }),
    );
    expect(Object.fromEntries(unlocked)).toEqual({
      firstConversation: 50,
      scenarios10: 70,
      firstVoiceSession: 60,
      speaking60: 900,
    });
    const tutorAndVoice = ACHIEVEMENTS.filter((a) => a.source !== 'vocabulary').map((a) => a.key);
    expect(tutorAndVoice).toEqual([
      'firstConversation',
      'scenarios10',
      'corrections100',
      'firstVoiceSession',
      'speaking60',
    ]);
  });

  it('does not ask again about an achievement already stored', () => {
    const asked: string[] = [];
    const unlocked = unlockedAchievements(
      facts({
        firstConversationAt: () => (asked.push('firstConversation'), 5),
        firstVoiceAt: () => (asked.push('firstVoice'), 6),
      }),
      new Set(['firstConversation']),
    );
    expect(asked).toEqual(['firstVoice']);
    expect([...unlocked.keys()]).toEqual(['firstVoiceSession']);
  });
});

let learner: Learner | undefined;
afterEach(async () => {
  await learner?.core.close();
  learner = undefined;
});

async function answerOne(l: Learner, rating: 1 | 3 | 4 = 3) {
  const next = await l.c.call('review:next', { deckId: null });
  await l.c.call('review:answer', { scope: { deckId: null }, cardId: next.card!.cardId, rating, durationMs: 3000 });
}

describe('achievements stored and announced', () => {
  it('announces each unlock exactly once, whichever window asks, and keeps its first date', async () => {
    learner = await learnerWithDeck({ start: Date.UTC(2026, 4, 4, 9) });
    const l = learner;
    l.addWords([word(1), word(2), word(3)]);
    expect((await l.c.call('progress:claimAnnouncements', {})).achievements.map((a) => a.key)).toEqual(['firstDeck']);
    await answerOne(l);
    const firstAnswerAt = l.clock.now();

    const other = caller(l.core);
    await other.call('profiles:signIn', { profileId: l.profileId });
    const [a, b] = await Promise.all([
      l.c.call('progress:claimAnnouncements', {}),
      other.call('progress:claimAnnouncements', {}),
    ]);
    const claimed = [...a.achievements, ...b.achievements].map((x) => x.key);
    expect(claimed).toEqual(['firstReview']);
    expect((await l.c.call('progress:claimAnnouncements', {})).achievements).toEqual([]);

    const listed = (await l.c.call('progress:achievements', {})).achievements;
    const first = listed.find((x) => x.key === 'firstReview')!;
    // Dated by the 15-minute bucket of the first answer.
    expect(first.unlockedAt).toBe(firstAnswerAt - (firstAnswerAt % (15 * 60_000)));
    expect(listed.find((x) => x.key === 'streak7')!.unlockedAt).toBeNull();
    expect(listed.find((x) => x.key === 'firstConversation')).toMatchObject({ available: true, unlockedAt: null });

    // Taking the answer back does not take the achievement back, nor announce it again later.
    await l.c.call('review:undo', { scope: { deckId: null } });
    l.clock.advance(HOUR);
    await answerOne(l);
    const again = (await l.c.call('progress:achievements', {})).achievements.find((x) => x.key === 'firstReview')!;
    expect(again.unlockedAt).toBe(first.unlockedAt);
    expect((await l.c.call('progress:claimAnnouncements', {})).achievements).toEqual([]);
  });

  it('unlocks a 7-day streak on the seventh day in a row, dated that day', async () => {
    learner = await learnerWithDeck({ start: Date.UTC(2026, 4, 4, 18), timeZone: 'America/New_York' });
    const l = learner;
    l.addWords(Array.from({ length: 10 }, (_, i) => word(i)));
    for (let day = 0; day < 7; day += 1) {
      await answerOne(l, 4);
      const streak7 = (await l.c.call('progress:achievements', {})).achievements.find((x) => x.key === 'streak7')!;
      expect(streak7.unlockedAt === null).toBe(day < 6);
      if (day < 6) l.clock.advance(DAY);
    }
    const claimed = (await l.c.call('progress:claimAnnouncements', {})).achievements.map((x) => x.key);
    expect(claimed).toEqual(['firstDeck', 'firstReview', 'streak7']);
    const dashboard = await l.c.call('progress:dashboard', {});
    expect(dashboard.streak).toEqual({ current: 7, longest: 7, activeToday: true });
  });
});

describe('tutor and voice achievements', () => {
  it('unlocks them from conversations once each, dated by the data, and keeps them when a conversation goes', async () => {
    const start = Date.UTC(2026, 4, 4, 9);
    learner = await learnerWithDeck({ start });
    const l = learner;
    expect((await l.c.call('progress:claimAnnouncements', {})).achievements.map((a) => a.key)).toEqual(['firstDeck']);
    const first = start - 5 * DAY;
    const conversationId = seedConversation(l.sqlite, l.profileId, [
      { at: first, text: 'Hola', replyAfterMs: 1000 },
      {
        at: first + MINUTE,
        text: 'Me llamo Sam',
        voice: {
          durationMs: 61 * MINUTE,
          phonationMs: 1000,
          words: 3,
          syllables: 5,
          pauseCount: 0,
          meanPauseMs: 0,
          fillers: 0,
        },
      },
    ]);
    // Nine different scenarios, one of them twice: not yet ten.
    const scenario = (i: number, at: number) =>
      seedConversation(l.sqlite, l.profileId, [{ at, text: 'Vale' }], {
        scenarioId: `scenario-${i}`,
        goalReachedAt: at + 1000,
      });
    for (let i = 0; i < 9; i += 1) scenario(i, first + ((i + 1) * DAY) / 10);
    scenario(3, first + DAY);
    const claimed = (await l.c.call('progress:claimAnnouncements', {})).achievements;
    expect(Object.fromEntries(claimed.map((a) => [a.key, a.unlockedAt]))).toEqual({
      firstConversation: first,
      firstVoiceSession: first + MINUTE,
      speaking60: first + MINUTE,
    });
    expect((await l.c.call('progress:claimAnnouncements', {})).achievements).toEqual([]);

    const tenthAt = first + 2 * DAY;
    scenario(9, tenthAt);
    // A hundred corrections, the last one the hundredth.
    seedConversation(l.sqlite, l.profileId, [
      {
        at: first + 3 * DAY,
        text: 'Muchas errores',
        corrections: Array.from({ length: 100 }, () => ({
          category: 'grammar' as const,
          original: 'Muchas',
          corrected: 'Muchos',
        })),
      },
    ]);
    const next = (await l.c.call('progress:claimAnnouncements', {})).achievements;
    expect(Object.fromEntries(next.map((a) => [a.key, a.unlockedAt]))).toEqual({
      scenarios10: tenthAt + 1000,
      corrections100: first + 3 * DAY + 1000,
    });

    l.sqlite.prepare('UPDATE tutor_conversations SET deleted_at = ? WHERE id = ?').run(start, conversationId);
    const listed = (await l.c.call('progress:achievements', {})).achievements;
    expect(listed.find((a) => a.key === 'firstConversation')!.unlockedAt).toBe(first);
    expect((await l.c.call('progress:claimAnnouncements', {})).achievements).toEqual([]);
  });
});
