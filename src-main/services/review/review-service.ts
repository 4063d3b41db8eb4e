import { ContractError } from '../../../src-shared/contract/errors';
import type { ReviewCard, StudyScope } from '../../../src-shared/contract/review';
import type { Rating } from '../../../src-shared/domain/vocabulary';
import { cards } from '../../../db/schema';
import type { DomainDeps } from '../index';
import { undoAnswer, writeAnswer, type AnswerRecord, type WriterDeps } from './answer-writer';
import { createCardReads, type StudyCard } from './card-rows';
import { toReviewCard } from './card-view';
import { createQueueQueries } from './queue-build';
import type { ScopeDeck } from './scope';
import type { QueuedCard, SessionQueue } from './session-queue';
import { createSessionStates, type SessionState } from './session-states';

export { replayCard } from './replay';

/** Answers a session can take back, newest first; older ones drop off. */
const MAX_UNDO = 100;

export interface NextCard {
  card: ReviewCard | null;
  counts: { new: number; learning: number; review: number };
  nextLearningAt: number | null;
  canUndo: boolean;
}

/**
 * The review engine: a queue per window session (see session-states.ts), built once and then kept in step answer
 * by answer, so an answer costs one transaction and showing the next card one indexed read.
 */
export function createReviewService(deps: DomainDeps) {
  const sqlite = deps.db.$client;
  const reads = createCardReads(sqlite);
  const writer: WriterDeps = { db: deps.db, mutator: deps.mutator, notes: deps.notes, reads, deviceId: deps.deviceId };
  const { stateFor, settle } = createSessionStates(deps, createQueueQueries(sqlite));

  const deckOf = (state: SessionState, card: { deckId: string }): ScopeDeck => {
    const deck = state.scope.decks.get(card.deckId);
    if (!deck) throw new ContractError('CONFLICT', 'That card is not in the decks you are studying.');
    return deck;
  };

  /**
   * The card to show now: the queue's current card, skipping any that left the studied decks (deleted, suspended,
   * moved) since the queue was built.
   */
  const view = (state: SessionState, now: number): NextCard => {
    let shown: ReviewCard | null = null;
    for (let queued = state.queue.current(now); queued && !shown; queued = state.queue.current(now)) {
      const card = reads.studyCard(state.profileId, queued.id);
      const deck = card && !card.suspended ? state.scope.decks.get(card.deckId) : undefined;
      if (card && deck) shown = toReviewCard(card, deck.preset, deck.targetLanguage, now);
      else state.queue.remove(queued.id);
    }
    return {
      card: shown,
      counts: state.queue.counts(),
      nextLearningAt: state.queue.nextLearningAt(now),
      canUndo: state.undo.length > 0,
    };
  };

  /** A card of this profile that the session's queue is waiting on. */
  const queuedCard = (state: SessionState, cardId: string): StudyCard => {
    const card = reads.studyCard(state.profileId, cardId);
    if (!card) throw new ContractError('NOT_FOUND', 'That card is not in your decks.');
    if (!state.queue.has(cardId))
      throw new ContractError('CONFLICT', 'That card is not waiting for an answer any more.');
    return card;
  };

  /** Suspends or buries a queued card; `patch` gets the start of the next study day for the card's deck. */
  const setFlag = (
    profileId: string,
    sessionId: string,
    scope: StudyScope,
    cardId: string,
    patch: (nextDay: number) => { suspended?: boolean; buriedUntil?: number },
  ) => {
    const now = deps.now();
    const state = stateFor(profileId, sessionId, scope, now);
    const card = queuedCard(state, cardId);
    const root = state.scope.roots.get(deckOf(state, card).rootId)!;
    deps.mutator.update(cards, profileId, cardId, patch(root.day.end));
    state.queue.remove(cardId);
    settle(state);
    return view(state, now);
  };

  return {
    next(profileId: string, sessionId: string, scope: StudyScope): NextCard {
      const now = deps.now();
      return view(stateFor(profileId, sessionId, scope, now), now);
    },

    answer(
      profileId: string,
      sessionId: string,
      input: { scope: StudyScope; cardId: string; rating: Rating; durationMs: number },
    ): NextCard & { leech: boolean } {
      const now = deps.now();
      const state = stateFor(profileId, sessionId, input.scope, now);
      const card = queuedCard(state, input.cardId);
      const deck = deckOf(state, card);
      const root = state.scope.roots.get(deck.rootId)!;
      const { record, leech } = writeAnswer(writer, {
        profileId,
        card,
        preset: deck.preset,
        rating: input.rating,
        durationMs: input.durationMs,
        now,
        buryUntil: root.day.end,
      });
      state.undo.push(record);
      if (state.undo.length > MAX_UNDO) state.undo.shift();
      requeue(state.queue, card, record, root.day.end, leech && deck.preset.leechSuspend);
      settle(state);
      return { ...view(state, now), leech };
    },

    undo(profileId: string, sessionId: string, scope: StudyScope): NextCard {
      const now = deps.now();
      const state = stateFor(profileId, sessionId, scope, now);
      const record = state.undo.at(-1);
      if (!record) throw new ContractError('CONFLICT', 'There is no answer to undo.');
      undoAnswer(writer, profileId, record);
      state.undo.pop();
      const card = reads.studyCard(profileId, record.cardId);
      if (card && state.scope.decks.has(card.deckId)) state.queue.putFront(queued(card));
      settle(state);
      return view(state, now);
    },

    suspend(profileId: string, sessionId: string, scope: StudyScope, cardId: string): NextCard {
      return setFlag(profileId, sessionId, scope, cardId, () => ({ suspended: true }));
    },

    /** Hides the card until the next study day. */
    bury(profileId: string, sessionId: string, scope: StudyScope, cardId: string): NextCard {
      return setFlag(profileId, sessionId, scope, cardId, (nextDay) => ({ buriedUntil: nextDay }));
    },
  };
}

const queued = (card: StudyCard): QueuedCard => ({
  id: card.id,
  noteId: card.noteId,
  deckId: card.deckId,
  state: card.state,
  due: card.due,
});

/** After an answer: the card leaves the queue (a learning step due again today comes back), its siblings leave. */
function requeue(queue: SessionQueue, card: StudyCard, record: AnswerRecord, dayEnd: number, suspended: boolean): void {
  queue.remove(card.id);
  queue.removeSiblings(card.noteId, card.id);
  const { state, due } = record.after;
  if (!suspended && (state === 1 || state === 3) && due < dayEnd) queue.addLearning({ ...queued(card), state, due });
}

export type ReviewService = ReturnType<typeof createReviewService>;
