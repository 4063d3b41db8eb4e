import { useEffect, useRef, type RefObject } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/**
 * After moving to another screen, starts at the top and puts focus at the start of the new content, as a page
 * load would. Redirects (replace navigations, like the first run going straight to onboarding) leave focus alone,
 * and so does a screen that already focused one of its own fields (the password on the sign-in screen).
 */
export function useFocusOnNavigate(target: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const container = target.current;
    const active = document.activeElement;
    if (!container || navigationType === 'REPLACE') return;
    window.scrollTo({ top: 0 });
    if (active && active !== container && container.contains(active)) return;
    container.focus({ preventScroll: true });
  }, [pathname, navigationType, target]);
}
