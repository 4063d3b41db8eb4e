import { useEffect, useRef } from 'react';

const TYPING =
  'input:not([type=checkbox]):not([type=range]), textarea, select, [contenteditable=""], [contenteditable="true"]';

interface Keys {
  /** Space is push-to-talk only while listening in push-to-talk mode. */
  enabled: boolean;
  onPress: () => void;
  onRelease: () => void;
  onEscape: () => void;
  onToggle: () => void;
}

/** Hold Space to talk, Esc to silence the tutor, L to start or stop listening; never while typing. */
export function usePushToTalkKeys(keys: Keys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const typing = (event: KeyboardEvent) => event.target instanceof Element && event.target.closest(TYPING) !== null;
    const onDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event) || document.querySelector('dialog[open]'))
        return;
      if (event.key === ' ' && latest.current.enabled) {
        event.preventDefault();
        if (!event.repeat) latest.current.onPress();
      } else if (event.key === 'Escape') {
        latest.current.onEscape();
      } else if (event.key.toLowerCase() === 'l' && !event.repeat) {
        event.preventDefault();
        latest.current.onToggle();
      }
    };
    const onUp = (event: KeyboardEvent) => {
      if (event.key !== ' ' || !latest.current.enabled || typing(event)) return;
      event.preventDefault();
      latest.current.onRelease();
    };
    window.addEventListener('keydown', onDown);
    window.addEventListener('keyup', onUp);
    return () => {
      window.removeEventListener('keydown', onDown);
      window.removeEventListener('keyup', onUp);
    };
  }, []);
}
