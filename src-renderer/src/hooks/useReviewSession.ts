import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rating } from '../../../src-shared/domain/vocabulary';
import type { QueueState, StudyScope } from '../lib/study-scope';
import { useContractMutation } from './useContractMutation';
import { useContractQuery } from './useContractQuery';
import { useDescribeError } from './useDescribeError';
import { useToast } from './useToast';

/**
 * One study session: the queue's current card and counts, cached under `review:next` for the scope. Every answer,
 * undo, suspension and burial answers the next state, which replaces the cached one, so the next card shows as
 * soon as the core has saved the last answer.
 */
export function useReviewSession(scope: StudyScope) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const queue = useContractQuery('review:next', scope, { staleTime: 0 });
  /** Counts what the core answered, so a card shown again (after an undo) starts over on its question. */
  const [presentation, setPresentation] = useState(0);
  const store = (state: QueueState) => {
    setPresentation((count) => count + 1);
    const { card, counts, nextLearningAt, canUndo } = state;
    queryClient.setQueryData<QueueState>(['review:next', scope], { card, counts, nextLearningAt, canUndo });
  };
  const onError = (error: unknown) => toast.show(describe(error), 'error');

  const answer = useContractMutation('review:answer', { onSuccess: store });
  const undo = useContractMutation('review:undo', { onSuccess: store });
  const suspend = useContractMutation('review:suspend', { onSuccess: store });
  const bury = useContractMutation('review:bury', { onSuccess: store });
  const busy = answer.isPending || undo.isPending || suspend.isPending || bury.isPending;

  return {
    queue,
    presentation,
    busy,
    rate(cardId: string, rating: Rating, durationMs: number, onLeech: () => void) {
      answer.mutate({ scope, cardId, rating, durationMs }, { onSuccess: ({ leech }) => leech && onLeech(), onError });
    },
    undo() {
      undo.mutate({ scope }, { onSuccess: () => toast.show(t('review.undone'), 'info'), onError });
    },
    suspend(cardId: string) {
      suspend.mutate({ scope, cardId }, { onSuccess: () => toast.show(t('review.suspended'), 'info'), onError });
    },
    bury(cardId: string) {
      bury.mutate({ scope, cardId }, { onSuccess: () => toast.show(t('review.buried'), 'info'), onError });
    },
  };
}
