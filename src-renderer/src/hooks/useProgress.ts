import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Achievement } from '../../../src-shared/contract/progress';
import { useContractMutation } from './useContractMutation';
import { useContractQuery } from './useContractQuery';
import { useToast } from './useToast';

/** The dashboard; asked again every two seconds while the words-known estimate is being worked out. */
export function useDashboard() {
  return useContractQuery(
    'progress:dashboard',
    {},
    {
      refetchInterval: (query) => (query.state.data?.words.pending ? 2000 : false),
    },
  );
}

/** More than this many at once (a learner's first visit with a long history) get one summary toast. */
const SEPARATE_TOASTS = 3;

/**
 * Announces newly unlocked achievements once: the core hands each one out to a single claim, so a second window or
 * a remount shows nothing again.
 */
export function useAchievementToasts() {
  const { t } = useTranslation();
  const toast = useToast();
  const claim = useContractMutation('progress:claimAnnouncements');
  const asked = useRef(false);
  const { mutate } = claim;
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
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
}
