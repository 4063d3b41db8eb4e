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
import type { ConversationRows, LastRows, Range } from './conversation-rows';
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
 * later message falls; `lastAt` carries each conversation's last message over from an earlier range.
 */
function fold(
  rows: ConversationRows,
  range: Range,
  into: (at: number) => Tally[],
  onLearnerTurn?: (at: number) => void,
  lastAt = new Map<string, number>(),
): Map<string, number> {
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
  return lastAt;
}

const cloneTally = (t: Tally): Tally => ({
  totals: { ...t.totals, corrections: { ...t.totals.corrections } },
  conversations: new Set(t.conversations),
  speaking: { ...t.speaking },
});

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

/** The tallies of everything before a moment (the start of the learner's today), kept between calls. */
interface Base {
  before: number;
  all: Tally;
  weeks: Map<number, Tally>;
  talkDays: Map<number, number>;
  lastAt: Map<string, number>;
}

/** Folds `range` onto the tallies of `base` (the all-time one, the twelve study weeks) and the talk days. */
function foldOnto(rows: ConversationRows, range: Range, day: LearnerDay, base: Omit<Base, 'before'>): void {
  const seriesFrom = day.counter.startOf(Math.min(...base.weeks.keys()));
  fold(
    rows,
    range,
    (at) => {
      if (at < seriesFrom) return [base.all];
      const week = base.weeks.get(weekStartOf(day.counter.dayOf(at)));
      return week ? [base.all, week] : [base.all];
    },
    (at) => {
      const n = day.counter.dayOf(at);
      if (at < (base.talkDays.get(n) ?? Infinity)) base.talkDays.set(n, at);
    },
    base.lastAt,
  );
}

function readBase(rows: ConversationRows, profileId: string, day: LearnerDay): Base {
  const thisMonday = weekStartOf(day.today);
  const mondays = Array.from({ length: CONVERSATION_WEEKS }, (_, i) => thisMonday - 7 * (CONVERSATION_WEEKS - 1 - i));
  const before = day.counter.startOf(day.today);
  const base = { all: emptyTally(), weeks: new Map(mondays.map((monday) => [monday, emptyTally()])), talkDays: new Map<number, number>(), lastAt: new Map<string, number>() };
  foldOnto(rows, { profileId, from: 0, to: before }, day, base);
  return { before, ...base };
}

/**
 * The dashboard's conversation and speaking parts (all time, and the last twelve study weeks), and the study days
 * the learner talked with the tutor (each with its first turn) for the streak: the kept tallies of the days before
 * today plus today's rows, read again.
 */
function conversationPart(
  rows: ConversationRows,
  profileId: string,
  day: LearnerDay,
  now: number,
  base: Base,
): { conversation: ConversationStats; speaking: SpeakingStats; talkDays: Map<number, number> } {
  const part = {
    all: cloneTally(base.all),
    weeks: new Map([...base.weeks].map(([monday, t]) => [monday, cloneTally(t)])),
    talkDays: new Map(base.talkDays),
    lastAt: new Map(base.lastAt),
  };
  foldOnto(rows, { profileId, from: base.before, to: now + DAY_MS }, day, part);
  const series = [...part.weeks].map(([monday, t]) => ({ monday: dayKey(monday), t }));
  return {
    conversation: {
      totals: totalsOf(part.all),
      weeks: series.map(({ monday, t }) => ({ week: monday, ...totalsOf(t) })),
    },
    speaking: {
      available: rows.voiceAvailable,
      totals: ratesOf(part.all.speaking),
      weeks: series.map(({ monday, t }) => ({ week: monday, ...ratesOf(t.speaking) })),
    },
    talkDays: part.talkDays,
  };
}

export type ConversationPart = ReturnType<typeof conversationPart>;

/**
 * The dashboard's conversation part, kept per profile until it may have changed: a local write to the tutor's or
 * voice tables (the outbox since the copy, each entry looked at once: a review session costs no new read), rows
 * written past the outbox (their tables' last rowid), rows sync changed (its cursor), a new study day, another time
 * zone or day start. When what changed is all of today (a new message, its corrections, a spoken turn), today is
 * read again onto the kept tallies of the days before; a change that reaches back (a deleted conversation, an older
 * message changed) reads everything again.
 */
export function createConversationDashboard(rows: ConversationRows) {
  const kept = new Map<string, { key: string; seq: number; last: LastRows; base: Base; part: ConversationPart }>();
  const sameRows = (a: LastRows, b: LastRows) => a.messages === b.messages && a.corrections === b.corrections && a.voice === b.voice;
  return (profileId: string, day: LearnerDay, now: number): ConversationPart => {
    const key = `${rows.syncCursor(profileId)}|${day.timeZone}|${day.dayStartHour}|${day.today}`;
    const seq = rows.lastChange(profileId);
    const last = rows.lastRows();
    const copy = kept.get(profileId);
    if (copy?.key === key && sameRows(copy.last, last) && (copy.seq === seq || !rows.touched(profileId, copy.seq, seq))) {
      copy.seq = seq;
      return copy.part;
    }
    const keepBase =
      copy?.key === key &&
      (copy.seq === seq || !rows.touchedBefore(profileId, copy.seq, seq, copy.base.before)) &&
      (sameRows(copy.last, last) || !rows.addedBefore(copy.last, copy.base.before));
    const base = keepBase ? copy.base : readBase(rows, profileId, day);
    const part = conversationPart(rows, profileId, day, now, base);
    kept.set(profileId, { key, seq, last, base, part });
    return part;
  };
}

/** The weekly report's conversations: totals of the week, its most frequent corrections, how the learner spoke. */
export function reportConversationPart(rows: ConversationRows, range: Range): ReportConversations {
  const week = emptyTally();
  fold(rows, range, () => [week]);
  return { totals: totalsOf(week), recurring: rows.recurring(range, RECURRING), speaking: ratesOf(week.speaking) };
}
