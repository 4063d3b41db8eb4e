import type {
  ConversationStats,
  ConversationTotals,
  ReportConversations,
  SpeakingRatesOutput,
  SpeakingStats,
} from '../../../src-shared/contract/progress-conversation';
import {
  addSpeaking,
  CONVERSATION_WEEKS,
  countWords,
  sittingGap,
  speakingRates,
  zeroCorrections,
  ZERO_SPEAKING,
  type SpeakingSums,
} from '../../../src-shared/domain/conversation-stats';
import { DAY_MS, dayKey, weekStartOf } from '../../../src-shared/domain/progress-days';
import type { ConversationRows, Range } from './conversation-rows';
import type { LearnerDay } from './learner-day';

/** The most frequent corrections the weekly report lists. */
const RECURRING = 10;

interface Tally {
  totals: ConversationTotals;
  conversations: Set<string>;
  speaking: SpeakingSums;
}

const emptyTally = (): Tally => ({
  totals: {
    conversations: 0,
    turns: 0,
    words: 0,
    conversationMs: 0,
    voiceTurns: 0,
    spokenMs: 0,
    scenariosCompleted: 0,
    corrections: zeroCorrections(),
  },
  conversations: new Set(),
  speaking: { ...ZERO_SPEAKING },
});

/**
 * Reads a range once and adds every row to the tallies `into` names for its moment (the whole range, its week).
 * Time in conversation comes from the gaps between a conversation's messages (see sittingGap), counted where the
 * later message falls.
 */
function fold(
  rows: ConversationRows,
  range: Range,
  into: (at: number) => Tally[],
  onLearnerTurn?: (at: number) => void,
): void {
  const lastAt = new Map<string, number>();
  for (const m of rows.messages(range)) {
    if (m.learner) onLearnerTurn?.(m.at);
    const previous = lastAt.get(m.conversationId);
    lastAt.set(m.conversationId, m.at);
    const gap = previous === undefined ? 0 : sittingGap(previous, m.at);
    const words = m.learner ? countWords(m.text ?? '') : 0;
    for (const t of into(m.at)) {
      t.totals.conversationMs += gap;
      if (!m.learner) continue;
      t.totals.turns += 1;
      t.totals.words += words;
      t.conversations.add(m.conversationId);
    }
  }
  for (const c of rows.corrections(range))
    for (const t of into(c.at)) if (c.category in t.totals.corrections) t.totals.corrections[c.category] += 1;
  for (const at of rows.scenariosCompleted(range)) for (const t of into(at)) t.totals.scenariosCompleted += 1;
  for (const v of rows.voiceTurns(range)) for (const t of into(v.at)) addSpeaking(t.speaking, { ...v, turns: 1 });
}

function totalsOf(t: Tally): ConversationTotals {
  return {
    ...t.totals,
    conversations: t.conversations.size,
    voiceTurns: t.speaking.turns,
    spokenMs: Math.round(t.speaking.durationMs),
  };
}

function ratesOf(s: SpeakingSums): SpeakingRatesOutput {
  return { turns: s.turns, spokenMs: Math.round(s.durationMs), ...speakingRates(s) };
}

/**
 * The dashboard's conversation and speaking parts (all time, and the last twelve study weeks), and the study days
 * the learner talked with the tutor (each with its first turn) for the streak.
 */
function conversationPart(
  rows: ConversationRows,
  profileId: string,
  day: LearnerDay,
  now: number,
): { conversation: ConversationStats; speaking: SpeakingStats; talkDays: Map<number, number> } {
  const thisMonday = weekStartOf(day.today);
  const mondays = Array.from({ length: CONVERSATION_WEEKS }, (_, i) => thisMonday - 7 * (CONVERSATION_WEEKS - 1 - i));
  const seriesFrom = day.counter.startOf(mondays[0]!);
  const all = emptyTally();
  const weeks = new Map(mondays.map((monday) => [monday, emptyTally()]));
  const talkDays = new Map<number, number>();
  fold(
    rows,
    { profileId, from: 0, to: now + DAY_MS },
    (at) => {
      if (at < seriesFrom) return [all];
      const week = weeks.get(weekStartOf(day.counter.dayOf(at)));
      return week ? [all, week] : [all];
    },
    (at) => {
      const n = day.counter.dayOf(at);
      if (at < (talkDays.get(n) ?? Infinity)) talkDays.set(n, at);
    },
  );
  const series = [...weeks].map(([monday, t]) => ({ monday: dayKey(monday), t }));
  return {
    conversation: {
      totals: totalsOf(all),
      weeks: series.map(({ monday, t }) => ({ week: monday, ...totalsOf(t) })),
    },
    speaking: {
      available: rows.voiceAvailable,
      totals: ratesOf(all.speaking),
      weeks: series.map(({ monday, t }) => ({ week: monday, ...ratesOf(t.speaking) })),
    },
    talkDays,
  };
}

export type ConversationPart = ReturnType<typeof conversationPart>;

/**
 * The dashboard's conversation part, kept per profile until it may have changed: a local write to the tutor's or
 * voice tables (the outbox since the copy, each entry looked at once: a review session costs no new read), rows sync
 * brought or changed (see `version` in conversation-rows.ts), a new study week, another time zone or day start.
 */
export function createConversationDashboard(rows: ConversationRows) {
  const kept = new Map<string, { key: string; seq: number; part: ConversationPart }>();
  return (profileId: string, day: LearnerDay, now: number): ConversationPart => {
    const key = `${rows.version(profileId)}|${day.timeZone}|${day.dayStartHour}|${weekStartOf(day.today)}`;
    const seq = rows.lastChange(profileId);
    const copy = kept.get(profileId);
    if (copy?.key === key && (copy.seq === seq || !rows.touched(profileId, copy.seq, seq))) {
      copy.seq = seq;
      return copy.part;
    }
    const part = conversationPart(rows, profileId, day, now);
    kept.set(profileId, { key, seq, part });
    return part;
  };
}

/** The weekly report's conversations: totals of the week, its most frequent corrections, how the learner spoke. */
export function reportConversationPart(rows: ConversationRows, range: Range): ReportConversations {
  const week = emptyTally();
  fold(rows, range, () => [week]);
  return { totals: totalsOf(week), recurring: rows.recurring(range, RECURRING), speaking: ratesOf(week.speaking) };
}
