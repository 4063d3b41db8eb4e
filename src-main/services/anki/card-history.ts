import { newId as uuidv7 } from '../../../db/ids';
import type { Grade } from 'ts-fsrs';
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
 * step as a review-log row. The final state is exactly `replayCard` of the same answers (tests hold the two
 * together), so the card's FSRS fields stay a cache of its log.
 */
export function replayAnswers(
  answers: readonly AnkiAnswer[],
  preset: SchedulingOptions,
  row: { profileId: string; cardId: string; deviceId: string },
): { fields: FsrsFields; logs: ReviewLogRow[] } {
  const scheduler = schedulerFor(preset);
  let fields: FsrsFields = { ...NEW_CARD_FIELDS, due: 0 };
  const logs: ReviewLogRow[] = [];
  for (const answer of [...answers].sort((a, b) => a.reviewedAt - b.reviewedAt)) {
    const before = fields;
    const next = scheduler.next(toFsrsCard(before), new Date(answer.reviewedAt), answer.rating as Grade);
    fields = fromFsrsCard(next.card);
    logs.push({
      // Ids in creation order, not review time: the import appends to the id index instead of scattering into it.
      id: uuidv7(),
      ...row,
      reviewedAt: answer.reviewedAt,
      rating: answer.rating,
      stateBefore: before.state,
      stateAfter: fields.state,
      dueAfter: fields.due,
      stabilityAfter: fields.stability,
      difficultyAfter: fields.difficulty,
      elapsedDays: before.lastReview === null ? 0 : (answer.reviewedAt - before.lastReview) / DAY_MS,
      scheduledDays: fields.scheduledDays,
      durationMs: Math.max(0, Math.min(answer.durationMs, 60 * 60 * 1000)),
    });
  }
  return { fields, logs };
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
