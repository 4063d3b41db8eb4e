import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToastContext, type Toast, type ToastAction, type ToastKind } from '../lib/toast-context';
import { Icon } from './Icon';

const MAX_SHOWN = 3;
const VISIBLE_MS: Record<ToastKind, number> = { success: 4000, info: 6000, error: 9000 };
/** A toast with a button stays long enough to reach it from the keyboard. */
const WITH_ACTION_MS = 12_000;

/** Holds the app's toasts and the aria-live region they are announced from. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);

  const show = useCallback(
    (message: string, kind: ToastKind = 'success', action?: ToastAction) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(1 - MAX_SHOWN), { id, kind, message, action }]);
      setTimeout(() => dismiss(id), action ? WITH_ACTION_MS : VISIBLE_MS[kind]);
    },
    [dismiss],
  );

  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label={t('app.notifications')}>
        <ul role="status" aria-live="polite" className="toast-list">
          {toasts.map((toast) => (
            <li key={toast.id} className={`toast toast-${toast.kind}`}>
              <Icon name={toast.kind === 'error' ? 'alert' : toast.kind === 'success' ? 'check' : 'info'} />
              <span className="toast-message">{toast.message}</span>
              {toast.action && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    dismiss(toast.id);
                    toast.action?.onAction();
                  }}
                >
                  {toast.action.label}
                </button>
              )}
              <button
                type="button"
                className="icon-button"
                onClick={() => dismiss(toast.id)}
                aria-label={t('common.dismiss')}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      </section>
    </ToastContext.Provider>
  );
}
