import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { forgetSignedInData } from '../lib/query-client';
import type { PickerNotice } from '../routes/picker-notice';
import { useApiEvent } from './useApiEvent';

/** When the core signs this window out (profile deleted, password reset by an admin): back to the picker, saying why. */
export function useSignedOutEvent(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onSignedOut = useCallback(
    ({ reason }: { reason: PickerNotice }) => {
      void navigate('/', { replace: true, state: { notice: reason } });
      forgetSignedInData(queryClient);
      void queryClient.invalidateQueries({ queryKey: ['profiles:list'] });
    },
    [navigate, queryClient],
  );
  useApiEvent('session:signedOut', onSignedOut);
}
