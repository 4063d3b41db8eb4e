import { useEffect, useLayoutEffect, useRef } from 'react';

/** Keys as `event.key` names them, lower-cased: ' ' for Space, 'enter', '1', 'z'. */
export type ShortcutMap = Partial<Record<string, () => void>>;

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const ACTIVATES_ON_KEY = 'button, a[href], summary, [role="button"], [role="menuitem"], [role="checkbox"]';

/** Whether a key press belongs to something else: a field being typed in, an open dialog, or a focused button. */
function belongsElsewhere(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  if (document.querySelector('dialog[open]')) return true;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(TYPING)) return true;
  return (event.key === ' ' || event.key === 'Enter') && Boolean(target?.closest(ACTIVATES_ON_KEY));
}

/** Single-key shortcuts for a screen. They never fire while the learner types or a dialog is open. */
export function useShortcuts(shortcuts: ShortcutMap, enabled = true): void {
  const latest = useRef(shortcuts);
  // Updated during the commit, before the browser paints: a key pressed as soon as the screen shows the answer
  // must already see the answer side's actions.
  useLayoutEffect(() => {
    latest.current = shortcuts;
  }, [shortcuts]);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (belongsElsewhere(event)) return;
      const action = latest.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      if (!event.repeat) action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
