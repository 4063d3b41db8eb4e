import { TOKEN_FRAGMENT_KEY } from '../../../src-shared/web-protocol';

const TOKEN_KEY = 'parley.webToken';
const SESSION_KEY = 'parley.webSession';

/**
 * The web shell's run token arrives once in the address fragment. It moves to sessionStorage (this tab only) and
 * leaves the address bar, so it is not bookmarked, shared or shown. Runs before the router reads the fragment.
 */
export function captureTokenFromAddress(): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get(TOKEN_FRAGMENT_KEY);
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.removeItem(SESSION_KEY);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
}

export const webCredentials = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  sessionId: (): string | null => sessionStorage.getItem(SESSION_KEY),
  saveSessionId: (id: string): void => sessionStorage.setItem(SESSION_KEY, id),
  forgetSessionId: (): void => sessionStorage.removeItem(SESSION_KEY),
};
