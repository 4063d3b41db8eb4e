import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Avatar } from '../components/Avatar';
import { Brand } from '../components/Brand';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Icon, type IconName } from '../components/Icon';
import { SkipLink } from '../components/SkipLink';
import { useAchievementToasts } from '../hooks/useAchievementToasts';
import { useDescribeError } from '../hooks/useDescribeError';
import { useFocusOnNavigate } from '../hooks/useFocusOnNavigate';
import { useSignOut } from '../hooks/useSignOut';
import { useToast } from '../hooks/useToast';
import type { FrameContext } from '../lib/frame-context';

const sections = [
  { key: 'home', to: '/', icon: 'home' },
  { key: 'review', to: '/review', icon: 'review' },
  { key: 'tutor', to: '/tutor', icon: 'tutor' },
  { key: 'voice', to: '/voice', icon: 'voice' },
  { key: 'progress', to: '/progress', icon: 'progress' },
  { key: 'decks', to: '/decks', icon: 'decks' },
  { key: 'browse', to: '/browse', icon: 'search' },
  { key: 'settings', to: '/settings', icon: 'settings' },
] as const satisfies readonly { key: string; to: string; icon: IconName }[];

/** The signed-in shell: header, navigation, the routed screen inside an error boundary, achievement toasts. */
export function AppFrame({ profile, settings }: FrameContext) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const signOut = useSignOut();
  const toast = useToast();
  const describe = useDescribeError();
  useFocusOnNavigate(main);
  useAchievementToasts();

  const context: FrameContext = { profile, settings };
  return (
    <div className="frame">
      <SkipLink target={main} />
      <header className="topbar">
        <Brand />
        <div className="topbar-user">
          <Avatar name={profile.displayName} size="small" />
          <span className="topbar-name">{profile.displayName}</span>
          <button
            type="button"
            className="button button-ghost"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate({}, { onError: (error) => toast.show(describe(error), 'error') })}
          >
            <Icon name="signOut" />
            {t('frame.signOut')}
          </button>
        </div>
      </header>
      <div className="frame-body">
        <nav className="sidebar" aria-label={t('nav.label')}>
          <ul className="nav-list">
            {sections.map((section) => (
              <li key={section.key}>
                <NavLink to={section.to} end={section.to === '/'} className="nav-link">
                  <Icon name={section.icon} />
                  <span>{t(`nav.${section.key}`)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={main} tabIndex={-1} className="content">
          <ErrorBoundary resetKey={pathname}>
            <Outlet context={context} />
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
