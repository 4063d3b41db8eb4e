import { ContractError } from '../../../src-shared/contract/errors';
import type { Dashboard } from '../../../src-shared/contract/progress';
import { unlockedAchievements } from '../../../src-shared/domain/achievements';
import { CONVERSATION_WEEKS } from '../../../src-shared/domain/conversation-stats';
import { dayFromKey, dayKey, weekStartOf, ZERO_TOTALS, DAY_MS } from '../../../src-shared/domain/progress-days';
import { createDecksService } from '../decks/decks-service';
import type { DomainDeps } from '../index';
import { achievementFacts } from './achievement-facts';
import { createAchievementStore } from './achievement-store';
import { createConversationFacts } from './conversation-facts';
import { createConversationRows } from './conversation-rows';
import { createConversationDashboard, reportConversationPart } from './conversation-stats';
import { createDayTotals } from './day-totals';
import { createHistory } from './history';
import { createCardStats } from './card-stats';
import { activeDays, forecastPart, retentionPart, streakPart, timePart, FORECAST_DAYS } from './dashboard';
import { heatmap } from './heatmap';
import { learnerDay } from './learner-day';
import { createWeeklyReports } from './weekly-report';
import { createWordsKnown } from './words-known';

export type ProgressService = ReturnType<typeof createProgressService>;

/**
 * Statistics, achievements and the weekly report. Review history comes from review_buckets (kept by triggers on
 * the review log), never from a scan of the log itself; what is due today comes from the deck list's own counts,
 * so the dashboard and the review queue always agree.
 */
export function createProgressService(deps: DomainDeps) {
  const sqlite = deps.db.$client;
  const dayTotals = createDayTotals(sqlite);
  const stats = createCardStats(sqlite);
  const wordsKnown = createWordsKnown(sqlite, deps.now);
  const conversationFacts = createConversationFacts(sqlite);
  const conversationRows = createConversationRows(sqlite);
  const conversationDashboard = createConversationDashboard(conversationRows);
  const store = createAchievementStore(
    sqlite,
    new Set(conversationFacts.voiceAvailable ? ['vocabulary', 'tutor', 'voice'] : ['vocabulary', 'tutor']),
  );
  const decks = createDecksService(deps);
  const weekly = createWeeklyReports(sqlite, dayTotals);
  const history = createHistory(sqlite, dayTotals);
  const firstDeck = sqlite.prepare('SELECT min(created_at) FROM decks WHERE profile_id = ?').pluck();

  /** Today's queue within the daily limits, summed over top-level decks as the home screen does. */
  const dueToday = (profileId: string): Dashboard['due'] =>
    decks
      .list(profileId)
      .filter((d) => d.parentId === null)
      .reduce(
        (sum, d) => ({
          new: sum.new + d.counts.new,
          learning: sum.learning + d.counts.learning,
          review: sum.review + d.counts.review,
        }),
        { new: 0, learning: 0, review: 0 },
      );

  /** Everything the dashboard shows, and the achievements that unlocks (recorded as a side effect, once each). */
  const gather = (profileId: string) => {
    const now = deps.now();
    // Back far enough for the conversation weeks too: zone offsets are prepared for the range (elsewhere slower).
    const from = Math.min(history.firstReviewAt(profileId) ?? now, now - (CONVERSATION_WEEKS + 1) * 7 * DAY_MS);
    const day = learnerDay(deps, profileId, now, { from, to: now + (FORECAST_DAYS + 2) * DAY_MS });
    const days = new Map(history.days(profileId, day, now).map((d) => [d.day, d]));
    const cards = stats.byState(profileId);
    const words = wordsKnown.get(profileId, day.decay);
    const talk = conversationDashboard(profileId, day, now);
    const active = activeDays(days, talk.talkDays);
    const facts = achievementFacts({
      now,
      days,
      active,
      firstDeckAt: (firstDeck.get(profileId) as number | null) ?? null,
      wordsKnown: words.known,
      matureCards: cards.mature,
      conversation: conversationFacts.of(profileId),
    });
    store.record(profileId, unlockedAchievements(facts, store.known(profileId)));
    return { day, days, active, cards, words, talk };
  };

  return {
    dashboard(profileId: string): Dashboard {
      const { day, days, active, cards, words, talk } = gather(profileId);
      const today = days.get(day.today) ?? ZERO_TOTALS;
      return {
        today: dayKey(day.today),
        timeZone: day.timeZone,
        dayStartHour: day.dayStartHour,
        due: dueToday(profileId),
        done: { reviews: today.reviews, introduced: today.introduced, durationMs: today.durationMs },
        streak: streakPart(active, day),
        time: timePart(days, day),
        totalReviews: [...days.values()].reduce((n, d) => n + d.reviews, 0),
        forecast: forecastPart(stats, profileId, day),
        retention: retentionPart(days, day),
        cards,
        words,
        conversation: talk.conversation,
        speaking: talk.speaking,
      };
    },

    heatmap: (profileId: string, year?: number) => heatmap(deps, history, profileId, deps.now(), year),

    achievements(profileId: string) {
      gather(profileId);
      return store.list(profileId);
    },

    /** Newly unlocked achievements, each returned by one call only (see achievement-store.ts). */
    claimAnnouncements(profileId: string) {
      gather(profileId);
      return store.claim(profileId, deps.now());
    },

    /** Resolves when the words-known estimate being worked out for the profile is ready (tests, benchmarks). */
    wordsSettled: (profileId: string) => wordsKnown.settled(profileId),

    weeklyReport(profileId: string, week?: string) {
      const now = deps.now();
      const day = learnerDay(deps, profileId, now);
      const wanted = week === undefined ? day.today : dayFromKey(week);
      if (!Number.isFinite(wanted) || wanted > day.today)
        throw new ContractError('INVALID_INPUT', 'Choose a week that has already started.');
      const monday = weekStartOf(wanted);
      const range = { from: day.counter.startOf(monday) - 2 * DAY_MS, to: day.counter.startOf(monday) + 9 * DAY_MS };
      const { range: instants, ...report } = weekly(profileId, monday, learnerDay(deps, profileId, now, range));
      return { ...report, conversations: reportConversationPart(conversationRows, { profileId, ...instants }) };
    },

    /** The desktop shell saves the window as a PDF; other shells cannot (the page prints itself instead). */
    async saveReportPdf(fileName: string) {
      if (!deps.host?.savePdf) return { supported: false, path: null };
      return { supported: true, path: await deps.host.savePdf(fileName) };
    },
  };
}
