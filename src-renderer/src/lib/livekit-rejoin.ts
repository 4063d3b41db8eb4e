/**
 * A page's Content-Security-Policy is fixed when it loads, and its connect-src names only the LiveKit servers set
 * up at that moment (src-main/security/csp.ts). So when joining a room is refused because the page may not reach
 * the LiveKit server (a new address saved since, or the first one the school server gave), Parley reloads the
 * window once — same route, same session — and joins again by itself. A second refusal for the same server
 * within a minute is reported instead of reloading in a loop. (Pure: the tab comes in, see livekit-page-policy.ts.)
 */
export interface Tab {
  storage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  reload(): void;
}

const RELOADED_KEY = 'parley.livekitReload';
const REJOIN_KEY = 'parley.livekitRejoin';
const LOOP_WINDOW_MS = 60_000;

export const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
};

/** Reloads to get the current policy and asks the next page to join again; false when that was just tried. */
export function reloadToRejoin(tab: Tab, conversationId: string, livekitUrl: string, now = Date.now()): boolean {
  const host = hostOf(livekitUrl);
  const last = JSON.parse(tab.storage.getItem(RELOADED_KEY) ?? 'null') as { host?: string; at?: number } | null;
  if (last?.host === host && now - (last?.at ?? 0) < LOOP_WINDOW_MS) return false;
  tab.storage.setItem(RELOADED_KEY, JSON.stringify({ host, at: now }));
  tab.storage.setItem(REJOIN_KEY, conversationId);
  tab.reload();
  return true;
}

/** True once after a reload made to join this conversation's room. */
export function takeRejoin(tab: Tab, conversationId: string): boolean {
  if (tab.storage.getItem(REJOIN_KEY) !== conversationId) return false;
  tab.storage.removeItem(REJOIN_KEY);
  return true;
}
