import { hostOf, type Tab } from './livekit-rejoin';

/** This tab, for livekit-rejoin.ts: its session storage survives the reload, and so do the route and session. */
export const thisTab: Tab = { storage: sessionStorage, reload: () => window.location.reload() };

/** Notes every connect-src refusal of the LiveKit server's host (this page's policy) from now on, until `stop`. */
export function watchPolicyBlocks(livekitUrl: string) {
  const host = hostOf(livekitUrl);
  let blocked = false;
  const listener = (event: SecurityPolicyViolationEvent) => {
    if (event.effectiveDirective === 'connect-src' && host && hostOf(event.blockedURI) === host) blocked = true;
  };
  document.addEventListener('securitypolicyviolation', listener);
  return {
    /** Violation events are queued as tasks: give them a moment to arrive after the failure. */
    async blocked(): Promise<boolean> {
      if (!blocked) await new Promise((resolve) => setTimeout(resolve, 150));
      return blocked;
    },
    stop: () => document.removeEventListener('securitypolicyviolation', listener),
  };
}
