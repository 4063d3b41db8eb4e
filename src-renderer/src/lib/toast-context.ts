import { createContext } from 'react';

export type ToastKind = 'success' | 'error' | 'info';

/** A button inside a toast, like "Undo". */
export interface ToastAction {
  label: string;
  onAction: () => void;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction;
}

export interface ToastApi {
  show(message: string, kind?: ToastKind, action?: ToastAction): void;
}

export const ToastContext = createContext<ToastApi>({ show: () => undefined });
