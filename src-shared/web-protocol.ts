/**
 * How the renderer reaches the core through the web shell (src-main/web/). The Electron shell uses IPC instead.
 *
 * - The shell prints `http://127.0.0.1:<port>/#token=<run token>`; the page keeps the token in sessionStorage
 *   and removes it from the address bar.
 * - `POST /api/session` with `Authorization: Bearer <token>` answers `{ sessionId }`: one core session per tab.
 * - `POST /api/<channel>` with the same header, `X-Parley-Session: <sessionId>` and a JSON body answers the
 *   dispatch envelope with status 200. Status 401 means the token or session is not (or no longer) valid; 403 a
 *   foreign Origin; 413 a body over the limit.
 * - `POST /api/upload?name=<file name>` with the same headers and the file's bytes as the body (any content type)
 *   answers `{ fileId, fileName, bytes }` for the signed-in profile (401 when signed out, 413 past MAX_UPLOAD_BYTES).
 * - `GET /events?token=<token>&session=<sessionId>` upgrades to a WebSocket carrying `{ name, payload }` frames.
 */
export const WEB_PATHS = { session: '/api/session', upload: '/api/upload', apiPrefix: '/api/', events: '/events' } as const;
export const SESSION_HEADER = 'x-parley-session';
export const TOKEN_FRAGMENT_KEY = 'token';
/** Large enough for a 60 s voice turn (16 kHz 16-bit PCM, base64). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The largest file a learner can hand to Parley: a 200 MB word list fits with room to spare. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
export const DEFAULT_WEB_PORT = 4173;
