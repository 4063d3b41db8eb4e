import { useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Brand } from '../components/Brand';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { SkipLink } from '../components/SkipLink';
import { useFocusOnNavigate } from '../hooks/useFocusOnNavigate';

/** Around the picker, sign-in and onboarding: the brand, and the page centred. */
export function SignedOutLayout() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useFocusOnNavigate(main);
  return (
    <div className="welcome-layout">
      <SkipLink target={main} />
      <header className="welcome-header">
        <Brand />
      </header>
      <main id="main" ref={main} tabIndex={-1} className="welcome-main">
        <ErrorBoundary resetKey={pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
