import type { CoreEvents } from '../events';
import type { SessionStore } from '../sessions';

/** How often idle sessions are looked for: a sign-out may come this much later than the limit, never sooner. */
export const IDLE_SWEEP_MS = 30_000;

export interface IdleSignOutOptions {
  sessions: SessionStore;
  events: CoreEvents;
  now: () => number;
  /** null: the policy asks for no idle sign-out. */
  minutes: number | null;
}

/** Signs out every session whose last call is more than `maxIdleMs` old; returns their ids. */
export function signOutIdleSessions(sessions: SessionStore, now: number, maxIdleMs: number): string[] {
  const idle = sessions.signedIn().filter((session) => now - session.lastActiveAt > maxIdleMs);
  for (const session of idle) sessions.signOut(session);
  return idle.map((session) => session.id);
}

/**
 * A lab machine left signed in hands the next student the previous one's profile. The timer is unref'd so it never
 * keeps a process alive; the returned function stops it.
 */
export function startIdleSignOut({ sessions, events, now, minutes }: IdleSignOutOptions): () => void {
  if (minutes === null) return () => undefined;
  const maxIdleMs = minutes * 60_000;
  const timer = setInterval(
    () => {
      const ids = signOutIdleSessions(sessions, now(), maxIdleMs);
      if (ids.length > 0) events.emit('session:signedOut', { reason: 'idle' }, { sessionIds: ids });
    },
    Math.min(IDLE_SWEEP_MS, maxIdleMs),
  );
  timer.unref();
  return () => clearInterval(timer);
}
