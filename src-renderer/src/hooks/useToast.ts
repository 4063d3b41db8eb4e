import { useContext } from 'react';
import { ToastContext, type ToastApi } from '../lib/toast-context';

/** Shows a short message in the status region (announced by screen readers). */
export function useToast(): ToastApi {
  return useContext(ToastContext);
}
