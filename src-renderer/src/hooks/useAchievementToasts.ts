import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Achievement } from '../../../src-shared/contract/progress';
import { useApiEvent } from './useApiEvent';
import { useContractMutation } from './useContractMutation';
import { useToast } from './useToast';

/** More than this many at once (a learner's first visit with a long history) get one summary toast. */
const SEPARATE_TOASTS = 3;
/** After a reply or an answer, wait this long for the next one before asking (one ask for a burst). */
const SETTLE_MS = 1500;
/** While a review session runs, ask at most this often (the ask sums the learner's history). */
const DURING_SESSION_MS = 30_000;

/**
 * Announces newly unlocked achievements wherever the learner is, once each: mounted in the app frame, it asks the
 * core on every change of screen, when a review session runs out of cards (and now and then during one), and after
 * the tutor's replies and corrections. The core hands each unlock out to a single claim, so a second window, a
 * remount or two asks at once never show one twice.
 */
export function useAchievementToasts() {
  const { t } = useTranslation();
  const toast = useToast();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const { mutate } = useContractMutation('progress:claimAnnouncements');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastAsked = useRef(0);

  const claim = useCallback(() => {
    clearTimeout(timer.current);
    lastAsked.current = Date.now();
    mutate(
      {},
      {
        onSuccess: ({ achievements }: { achievements: Achievement[] }) => {
          if (achievements.length > SEPARATE_TOASTS) {
            toast.show(t('stats.achievements.toastMany', { count: achievements.length }), 'success');
            return;
          }
          for (const a of achievements)
            toast.show(t('stats.achievements.toast', { name: t(`stats.achievements.names.${a.key}`) }), 'success');
        },
      },
    );
  }, [mutate, t, toast]);

  const claimSoon = useCallback(
    (delay: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(claim, delay);
    },
    [claim],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  // Every screen change, the first one included.
  useEffect(() => claim(), [pathname, claim]);

  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success') return;
        if (event.mutation.options.mutationKey?.[0] !== 'review:answer') return;
        const next = event.action.data as { card: unknown } | undefined;
        if (next?.card === null) claimSoon(0);
        else if (Date.now() - lastAsked.current > DURING_SESSION_MS) claimSoon(SETTLE_MS);
      }),
    [queryClient, claimSoon],
  );

  const afterTutor = useCallback(() => claimSoon(SETTLE_MS), [claimSoon]);
  useApiEvent('tutor:done', afterTutor);
  useApiEvent('tutor:correction', afterTutor);
  useApiEvent('tutor:goalReached', afterTutor);
  useApiEvent('voice:turnUpdate', afterTutor);
}
