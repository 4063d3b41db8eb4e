/**
 * How the renderer reaches the core through the web shell (src-main/web/). The Electron shell uses IPC instead.
 *
 * - The shell prints `http://127.0.0.1:<port>/#token=<run token>`; the page keeps the token in sessionStorage
 *   and removes it from the address bar.
 * - `POST /api/session` with `Authorization: Bearer <token>` answers `{ sessionId }`: one core session per tab.
 * - `POST /api/<channel>` with the same header, `X-Parley-Session: <sessionId>` and a JSON body answers the
 *   dispatch envelope with status 200. Status 401 means the token or session is not (or no longer) valid; 403 a
 *   foreign Origin; 413 a body over the limit.
 * - `GET /events?token=<token>&session=<sessionId>` upgrades to a WebSocket carrying `{ name, payload }` frames.
 */
export const WEB_PATHS = { session: '/api/session', apiPrefix: '/api/', events: '/events' } as const;
export const SESSION_HEADER = 'x-parley-session';
export const TOKEN_FRAGMENT_KEY = 'token';
export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_WEB_PORT = 4173;
