import { WEB_PATHS } from '../../../src-shared/web-protocol';
import type { HttpTransport } from './http-transport';
import { webCredentials } from './web-credentials';

type Listener = (payload: unknown) => void;

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * The web shell's one WebSocket for core events. It opens while anyone listens, reconnects with exponential
 * backoff (with jitter, so many tabs do not reconnect in step) and follows the tab's session when it is renewed.
 */
export function createEventSocket(http: HttpTransport) {
  const listeners = new Map<string, Set<Listener>>();
  let socket: WebSocket | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let delay = FIRST_DELAY_MS;
  let connecting = false;

  const listening = () => [...listeners.values()].some((set) => set.size > 0);

  const deliver = (message: MessageEvent) => {
    if (typeof message.data !== 'string') return;
    let frame: { name?: unknown; payload?: unknown };
    try {
      frame = JSON.parse(message.data) as { name?: unknown; payload?: unknown };
    } catch {
      return;
    }
    if (typeof frame.name !== 'string') return;
    for (const listener of listeners.get(frame.name) ?? []) listener(frame.payload);
  };

  const scheduleReconnect = () => {
    if (retryTimer || !listening()) return;
    const wait = delay * (0.75 + Math.random() * 0.5);
    delay = Math.min(MAX_DELAY_MS, delay * 2);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, wait);
  };

  const connect = async () => {
    if (socket || connecting || !listening()) return;
    let sessionId: string;
    connecting = true;
    try {
      sessionId = await http.session();
    } catch {
      scheduleReconnect();
      return;
    } finally {
      connecting = false;
    }
    const token = webCredentials.token();
    if (!token || socket || !listening()) return;
    const url = new URL(WEB_PATHS.events, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = new URLSearchParams({ token, session: sessionId }).toString();
    const opened = new WebSocket(url);
    socket = opened;
    opened.addEventListener('open', () => {
      delay = FIRST_DELAY_MS;
    });
    opened.addEventListener('message', deliver);
    opened.addEventListener('close', () => {
      if (socket === opened) socket = null;
      scheduleReconnect();
    });
  };

  const disconnect = () => {
    const current = socket;
    socket = null;
    current?.close();
  };

  http.onSessionChange(() => {
    disconnect();
    void connect();
  });

  return {
    on(name: string, listener: Listener): () => void {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      set.add(listener);
      void connect();
      return () => {
        set.delete(listener);
        if (!listening()) {
          if (retryTimer) clearTimeout(retryTimer);
          retryTimer = null;
          disconnect();
        }
      };
    },
  };
}
