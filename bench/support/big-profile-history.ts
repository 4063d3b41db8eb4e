/**
 * A plausible two-year review history for a benchmark profile, simulated with a cheap FSRS-like model (ts-fsrs
 * itself takes ~20 µs an answer, too slow for 2M rows in a fixture). Stability grows on success and collapses on
 * a lapse, cards go through learning and relearning steps, reviews happen around their due time with the odd
 * missed day. Logs go into typed arrays (2M objects would cost far more memory and time).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPAN_DAYS = 730;

export interface History {
  count: number;
  card: Int32Array;
  at: Float64Array;
  rating: Uint8Array;
  stateBefore: Uint8Array;
  stateAfter: Uint8Array;
  dueAfter: Float64Array;
  stability: Float64Array;
  difficulty: Float64Array;
  elapsedDays: Float64Array;
  scheduledDays: Int32Array;
  durationMs: Int32Array;
}

/** The card row after its last simulated review. */
export interface SimulatedCard {
  index: number;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number;
}

function emptyHistory(capacity: number): History {
  return {
    count: 0,
    card: new Int32Array(capacity),
    at: new Float64Array(capacity),
    rating: new Uint8Array(capacity),
    stateBefore: new Uint8Array(capacity),
    stateAfter: new Uint8Array(capacity),
    dueAfter: new Float64Array(capacity),
    stability: new Float64Array(capacity),
    difficulty: new Float64Array(capacity),
    elapsedDays: new Float64Array(capacity),
    scheduledDays: new Int32Array(capacity),
    durationMs: new Int32Array(capacity),
  };
}

// Rating odds (again, hard, good, easy) by state: new, learning, review, relearning.
const ODDS: number[][] = [
  [0.15, 0.05, 0.7, 0.1],
  [0.1, 0.05, 0.8, 0.05],
  [0.09, 0.06, 0.78, 0.07],
  [0.1, 0.05, 0.8, 0.05],
];
const INITIAL_STABILITY = [0.21, 1.29, 2.31, 8.29];
const INITIAL_DIFFICULTY = [6.4, 5.5, 4.5, 3.2];

function pickRating(state: number, random: () => number): number {
  const odds = ODDS[state]!;
  let r = random();
  for (let i = 0; i < 3; i += 1) {
    if (r < odds[i]!) return i + 1;
    r -= odds[i]!;
  }
  return 4;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

interface CardModel {
  state: number;
  s: number;
  d: number;
  step: number;
  lapses: number;
  due: number;
  scheduled: number;
}

/** One answer in the model: moves the card and sets its next due time. */
function answer(m: CardModel, rating: number, t: number): void {
  if (m.state === 0) {
    m.s = INITIAL_STABILITY[rating - 1]!;
    m.d = INITIAL_DIFFICULTY[rating - 1]!;
  }
  if (m.state === 2) return reviewAnswer(m, rating, t);
  const relearning = m.state === 3;
  m.scheduled = 0;
  if (rating === 1) {
    Object.assign(m, { state: relearning ? 3 : 1, step: 0, due: t + (relearning ? 10 : 1) * MINUTE });
  } else if (rating === 2) {
    Object.assign(m, { state: relearning ? 3 : 1, due: t + 6 * MINUTE });
  } else if (rating === 3 && !relearning && m.step === 0) {
    Object.assign(m, { state: 1, step: 1, due: t + 10 * MINUTE });
  } else {
    const days = Math.max(1, Math.round(rating === 4 ? m.s * 1.3 : m.s));
    Object.assign(m, { state: 2, step: 0, due: t + days * DAY, scheduled: days });
  }
}

function reviewAnswer(m: CardModel, rating: number, t: number): void {
  if (rating === 1) {
    Object.assign(m, {
      state: 3,
      step: 0,
      lapses: m.lapses + 1,
      s: Math.max(0.1, m.s * 0.3),
      d: Math.min(10, m.d + 1),
      due: t + 10 * MINUTE,
      scheduled: 0,
    });
    return;
  }
  // Harder cards grow more slowly; difficulty drifts back towards the middle, as FSRS's mean reversion does.
  const growth = 0.6 + (1.4 * (10 - m.d)) / 9;
  m.d += (5 - m.d) * 0.05;
  if (rating === 2) Object.assign(m, { s: m.s * 1.2, d: Math.min(10, m.d + 0.3) });
  else if (rating === 3) m.s *= 1 + growth;
  else Object.assign(m, { s: m.s * (1 + 1.6 * growth), d: Math.max(1, m.d - 0.5) });
  const days = clamp(Math.round(m.s), 1, 36500);
  Object.assign(m, { due: t + days * DAY, scheduled: days });
}

/** When the learner actually comes back to the card: soon after a step, around the due day for reviews. */
function nextReviewTime(m: CardModel, t: number, random: () => number): number {
  if (m.due - t < DAY) return m.due + random() * 5 * MINUTE;
  const missedDays = random() < 0.05 ? random() * 10 * DAY : 0;
  return Math.max(t + MINUTE, m.due + (random() * 16 - 4) * HOUR + missedDays);
}

/** Simulates one card from `start` until `until` (or the log budget runs out). Null when it was never reviewed. */
function simulateCard(
  index: number,
  start: number,
  until: number,
  h: History,
  random: () => number,
): SimulatedCard | null {
  const m: CardModel = { state: 0, s: 0, d: 0, step: 0, lapses: 0, due: start, scheduled: 0 };
  let t = start;
  let last = -1;
  let reps = 0;
  while (t <= until && h.count < h.card.length) {
    const rating = pickRating(m.state, random);
    const before = m.state;
    answer(m, rating, t);
    const i = h.count++;
    h.card[i] = index;
    h.at[i] = Math.floor(t);
    h.rating[i] = rating;
    h.stateBefore[i] = before;
    h.stateAfter[i] = m.state;
    h.dueAfter[i] = Math.floor(m.due);
    h.stability[i] = round4(m.s);
    h.difficulty[i] = round4(clamp(m.d, 1, 10));
    h.elapsedDays[i] = last < 0 ? 0 : round4((t - last) / DAY);
    h.scheduledDays[i] = m.scheduled;
    h.durationMs[i] = 1500 + Math.floor(random() * 9000);
    last = Math.floor(t);
    reps += 1;
    t = nextReviewTime(m, t, random);
  }
  if (reps === 0) return null;
  const { state, step, lapses, scheduled } = m;
  return {
    index,
    state,
    due: Math.floor(m.due),
    stability: round4(m.s),
    difficulty: round4(clamp(m.d, 1, 10)),
    scheduledDays: scheduled,
    learningSteps: step,
    reps,
    lapses,
    lastReview: last,
  };
}

/**
 * Reviews cards in a random order, each first seen at a random time in the past two years, until `budget` log
 * rows are written; cards not reached stay new. The learner's history stops a day ago: today's study has not
 * started, so today's limits are whole and the backlog is what two years of such a learner leave due.
 */
export function simulateHistory(cardCount: number, budget: number, now: number, random: () => number) {
  const historyEnd = now - DAY;
  const history = emptyHistory(budget);
  const cards: SimulatedCard[] = [];
  const order = Uint32Array.from({ length: cardCount }, (_, i) => i);
  for (let i = cardCount - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const latestStart = historyEnd - DAY;
  for (const index of order) {
    if (history.count >= budget) break;
    const start = latestStart - random() * (SPAN_DAYS - 2) * DAY;
    const card = simulateCard(index, start, historyEnd, history, random);
    if (card) cards.push(card);
  }
  return { history, cards };
}

/** The log rows' indexes in time order (counting sort by minute), so ids and time indexes are written in order. */
export function timeOrder(h: History, now: number): Uint32Array {
  const origin = now - (SPAN_DAYS + 1) * DAY;
  const buckets = Math.ceil((now - origin) / MINUTE) + 1;
  const starts = new Uint32Array(buckets + 1);
  const bucketOf = (i: number) => clamp(Math.floor((h.at[i]! - origin) / MINUTE), 0, buckets - 1);
  for (let i = 0; i < h.count; i += 1) starts[bucketOf(i) + 1]! += 1;
  for (let b = 0; b < buckets; b += 1) starts[b + 1]! += starts[b]!;
  const order = new Uint32Array(h.count);
  for (let i = 0; i < h.count; i += 1) order[starts[bucketOf(i)]!++] = i;
  return order;
}
