import { newId as uuidv7 } from '../../../db/ids';
import type { Card, Grade } from 'ts-fsrs';
import { replayCard } from '../review/replay';
import { fromFsrsCard, NEW_CARD_FIELDS, schedulerFor, toFsrsCard, type FsrsFields, type SchedulingOptions } from '../review/scheduler';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One answer from Anki's revlog. */
export interface AnkiAnswer {
  reviewedAt: number;
  rating: number;
  durationMs: number;
}

export interface ReviewLogRow {
  id: string;
  profileId: string;
  cardId: string;
  reviewedAt: number;
  rating: number;
  stateBefore: number;
  stateAfter: number;
  dueAfter: number;
  stabilityAfter: number;
  difficultyAfter: number;
  elapsedDays: number;
  scheduledDays: number;
  durationMs: number;
  deviceId: string;
}

/**
 * Replays a card's answers through ts-fsrs in time order, as services/review/replay.ts does, and keeps each
 * step as a review-log row. The final state is exactly `replayCard` of the same answers (tests/anki/card-history
 * holds the two together), so the card's FSRS fields stay a cache of its log. The ts-fsrs card each answer
 * returns is fed straight into the next one: converting it to row fields and back gives ts-fsrs the same input
 * (it recomputes `elapsed_days` from `last_review`), and skipping that saves two objects and two dates an answer.
 */
export function replayAnswers(
  answers: readonly AnkiAnswer[],
  preset: SchedulingOptions,
  row: { profileId: string; cardId: string; deviceId: string },
): { fields: FsrsFields; logs: ReviewLogRow[] } {
  const scheduler = schedulerFor(preset);
  const sorted = inTimeOrder(answers) ? answers : [...answers].sort((a, b) => a.reviewedAt - b.reviewedAt);
  let card: Card = toFsrsCard({ ...NEW_CARD_FIELDS, due: 0 });
  let lastReview: number | null = null;
  const logs: ReviewLogRow[] = new Array<ReviewLogRow>(sorted.length);
  for (let i = 0; i < sorted.length; i += 1) {
    const answer = sorted[i]!;
    const stateBefore = card.state as number;
    card = scheduler.next(card, new Date(answer.reviewedAt), answer.rating as Grade).card;
    logs[i] = {
      // Ids in creation order, not review time: the import appends to the id index instead of scattering into it.
      id: uuidv7(),
      profileId: row.profileId,
      cardId: row.cardId,
      deviceId: row.deviceId,
      reviewedAt: answer.reviewedAt,
      rating: answer.rating,
      stateBefore,
      stateAfter: card.state,
      dueAfter: card.due.getTime(),
      stabilityAfter: card.stability,
      difficultyAfter: card.difficulty,
      elapsedDays: lastReview === null ? 0 : (answer.reviewedAt - lastReview) / DAY_MS,
      scheduledDays: card.scheduled_days,
      durationMs: Math.max(0, Math.min(answer.durationMs, 60 * 60 * 1000)),
    };
    lastReview = answer.reviewedAt;
  }
  return { fields: sorted.length ? fromFsrsCard(card) : { ...NEW_CARD_FIELDS, due: 0 }, logs };
}

function inTimeOrder(answers: readonly AnkiAnswer[]): boolean {
  for (let i = 1; i < answers.length; i += 1) if (answers[i]!.reviewedAt < answers[i - 1]!.reviewedAt) return false;
  return true;
}

export { replayCard };

/** Anki's stored FSRS memory state (`cards.data`, `{"s":…, "d":…}`), when the card has one. */
export function storedMemoryState(data: string | null): { stability: number; difficulty: number } | null {
  if (!data || data[0] !== '{') return null;
  try {
    const parsed = JSON.parse(data) as { s?: unknown; d?: unknown };
    if (typeof parsed.s === 'number' && typeof parsed.d === 'number' && parsed.s > 0 && parsed.d >= 1 && parsed.d <= 10) {
      return { stability: parsed.s, difficulty: parsed.d };
    }
  } catch {
    // Not JSON: no stored state.
  }
  return null;
}
