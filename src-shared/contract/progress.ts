import { z } from 'zod';
import { ACHIEVEMENT_KEYS, type AchievementKey } from '../domain/achievements';
import { defineContract } from './define';
import { conversationStats, reportConversations, speakingStats } from './progress-conversation';

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-29');
const count = z.number().int().min(0);
const achievementKey = z.enum(ACHIEVEMENT_KEYS as [AchievementKey, ...AchievementKey[]]);

/** Answers and time on one study day. */
export const dayActivity = z.object({
  date: dayKey,
  reviews: count,
  introduced: count,
  again: count,
  durationMs: count,
});

export const monthRetention = z.object({
  month: z.string(),
  passed: count,
  failed: count,
  /** Passed ÷ (passed + failed); null for a month without reviews of review cards. */
  retention: z.number().nullable(),
});

/**
 * The dashboard's numbers, all for the signed-in learner and their study day (time zone, day start hour).
 * Extension point: a feature adds its panel as a new key here (as `conversation` and `speaking` do), computed by its
 * own part in src-main/services/progress/ and drawn by its own panel in src-renderer/src/routes/progress/.
 */
export const dashboard = z.object({
  today: dayKey,
  timeZone: z.string(),
  dayStartHour: z.number().int(),
  /** What is waiting today within the decks' daily limits, as the deck list counts it. */
  due: z.object({ new: count, learning: count, review: count }),
  done: z.object({ reviews: count, introduced: count, durationMs: count }),
  /** Study days in a row with at least one review or one turn with the tutor. */
  streak: z.object({ current: count, longest: count, activeToday: z.boolean() }),
  time: z.object({ todayMs: count, last7Ms: count, last30Ms: count, totalMs: count }),
  totalReviews: count,
  /** Cards due on each of the next 30 study days, today (with the overdue ones) first. */
  forecast: z.array(z.object({ date: dayKey, due: count })),
  retention: z.object({ desired: z.number(), months: z.array(monthRetention) }),
  cards: z.object({ new: count, learning: count, young: count, mature: count, suspended: count }),
  /**
   * Σ over studied notes of the best recall chance among the note's cards (see services/progress/words-known.ts).
   * Worked out in the background: `asOf` says when, `pending` that a newer estimate is on its way.
   */
  words: z.object({
    known: count,
    studied: count,
    total: count,
    asOf: z.number().int().nullable(),
    pending: z.boolean(),
  }),
  /** Talk with the tutor: turns, time, corrections by category, in all and per week. */
  conversation: conversationStats,
  /** Speaking rate and pauses of spoken turns, per week. */
  speaking: speakingStats,
});
export type Dashboard = z.infer<typeof dashboard>;

export const progressDashboard = defineContract({
  channel: 'progress:dashboard',
  input: z.strictObject({}),
  output: dashboard,
});

export const progressHeatmap = defineContract({
  channel: 'progress:heatmap',
  /** A calendar year, or (without one) the 365 study days ending today. */
  input: z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }),
  output: z.object({
    from: dayKey,
    to: dayKey,
    today: dayKey,
    /** The calendar years with reviews, oldest first, for choosing another year. */
    years: z.array(z.number().int()),
    days: z.array(z.object({ date: dayKey, reviews: count, durationMs: count })),
  }),
});

export const achievement = z.object({
  key: achievementKey,
  goal: count,
  /** Tutor and voice achievements stay locked (`available: false`) until those features record data. */
  available: z.boolean(),
  unlockedAt: z.number().int().nullable(),
});
export type Achievement = z.infer<typeof achievement>;

export const progressAchievements = defineContract({
  channel: 'progress:achievements',
  input: z.strictObject({}),
  output: z.object({ achievements: z.array(achievement) }),
});

/**
 * Achievements unlocked and not yet announced, now marked as announced: each comes back from this call once only,
 * whichever window asks, so each is shown once.
 */
export const progressClaimAnnouncements = defineContract({
  channel: 'progress:claimAnnouncements',
  input: z.strictObject({}),
  output: z.object({ achievements: z.array(achievement) }),
  invalidates: ['progress:achievements'],
});

export const reportMistake = z.object({
  cardId: z.string(),
  term: z.string(),
  translation: z.string(),
  /** "Again" answers during the week, and lapses in the card's whole life. */
  againThisWeek: count,
  lapses: count,
  leech: z.boolean(),
});

export const weeklyReport = z.object({
  learnerName: z.string(),
  from: dayKey,
  to: dayKey,
  /** The learner's current study day: a week ending on or after it is the current one. */
  today: dayKey,
  days: z.array(dayActivity),
  totals: z.object({ reviews: count, introduced: count, durationMs: count, activeDays: count }),
  retention: z.object({ passed: count, failed: count, retention: z.number().nullable(), desired: z.number() }),
  wordsAdded: count,
  /** The cards answered "again" most often that week: the learner's recurring mistakes in vocabulary. */
  mistakes: z.array(reportMistake),
  /** Conversations with the tutor that week, the corrections it made most often, and how the learner spoke. */
  conversations: reportConversations,
});
export type WeeklyReport = z.infer<typeof weeklyReport>;

export const progressWeeklyReport = defineContract({
  channel: 'progress:weeklyReport',
  /** Any day of the week wanted (weeks run Monday to Sunday); without one, the current week. */
  input: z.strictObject({ week: dayKey.optional() }),
  output: weeklyReport,
});

/**
 * Saves the current window as a PDF (the desktop shell's printToPDF) in a place the learner picks. The web shell
 * cannot, and answers `supported: false`: the page then uses the browser's own print dialog.
 */
export const progressSaveReportPdf = defineContract({
  channel: 'progress:saveReportPdf',
  input: z.strictObject({ fileName: z.string().regex(/^[\w .-]{1,80}\.pdf$/, 'a file name ending in .pdf') }),
  output: z.object({ supported: z.boolean(), path: z.string().nullable() }),
});

export const progressContract = [
  progressDashboard,
  progressHeatmap,
  progressAchievements,
  progressClaimAnnouncements,
  progressWeeklyReport,
  progressSaveReportPdf,
] as const;
