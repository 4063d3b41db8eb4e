import type { Output } from '../../../src-shared/contract';
import type { ReviewCard } from '../../../src-shared/contract/review';

export type { ReviewCard };

/** "Study more": beyond today's queue. */
export type CustomStudy =
  { mode: 'ahead'; days: number } | { mode: 'extraNew'; count: number } | { mode: 'tag'; tag: string };

/** Which cards a session studies; always written out in full so it keys the same cached queue. */
export interface StudyScope {
  deckId: string | null;
  custom: CustomStudy | null;
}

export type QueueState = Output<'review:next'>;
export type QueueCounts = QueueState['counts'];

/** Which of the three counts a card is taken from: Anki underlines that one while the card is shown. */
export function queueOf(card: ReviewCard): keyof QueueCounts {
  if (card.state === 0) return 'new';
  return card.state === 2 ? 'review' : 'learning';
}
