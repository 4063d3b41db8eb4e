import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSettings, ProfileSettingsPatch } from '../../../src-shared/domain/settings';
import { useContractMutation } from './useContractMutation';
import { useDescribeError } from './useDescribeError';
import { useToast } from './useToast';

/** Drops the keys of `patch` that still hold its values: a later change to the same key stays shown. */
function withoutSettled(pending: ProfileSettingsPatch, patch: ProfileSettingsPatch): ProfileSettingsPatch {
  const next: Record<string, unknown> = { ...pending };
  for (const [key, value] of Object.entries(patch)) if (next[key] === value) delete next[key];
  return next as ProfileSettingsPatch;
}

/**
 * Saves some of the profile's settings and reports it in the status region. `shown` is what the controls should
 * display: the saved settings with every change still being saved laid over them, set in the same render as the
 * click, so a checkbox never flips back while its change is on its way.
 */
export function useUpdateSettings(saved: ProfileSettings) {
  const { i18n } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<ProfileSettingsPatch>({});
  const mutation = useContractMutation('settings:update', {
    onSuccess: ({ settings }) => {
      queryClient.setQueryData(['settings:get', {}], { settings });
    },
  });
  // The confirmation is worded after saving, so switching the interface language confirms in the new language.
  const save = (patch: ProfileSettingsPatch) => {
    setPending((current) => ({ ...current, ...patch }));
    mutation
      .mutateAsync({ patch })
      .then(() => toast.show(i18n.t('settings.saved')))
      .catch((error: unknown) => toast.show(describe(error), 'error'))
      .finally(() => setPending((current) => withoutSettled(current, patch)));
  };
  return { save, shown: { ...saved, ...pending } as ProfileSettings, isPending: mutation.isPending };
}
