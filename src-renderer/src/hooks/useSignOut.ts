import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { forgetSignedInData } from '../lib/query-client';
import { useContractMutation } from './useContractMutation';

/** Signs out, drops the profile's cached data and returns to the profile picker. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useContractMutation('profiles:signOut', {
    onSuccess: () => {
      void navigate('/');
      forgetSignedInData(queryClient);
    },
  });
}
