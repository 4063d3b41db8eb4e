import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_BODY_BYTES, SESSION_HEADER, WEB_PATHS } from '../../src-shared/web-protocol';
import type { Core } from '../core';
import type { CoreEvent } from '../events';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { BodyTooLargeError, readBody } from './read-body';
import { RequestGuard } from './request-guard';
import { resolveStaticPath, sendStaticFile } from './static-files';
import { receiveUpload } from './upload';
import { createFileStore } from '../services/files/file-store';

export interface WebServerOptions {
  core: Core;
  rendererDir: string;
  /** Loopback unless the person starting Parley asked for another interface explicitly. */
  host?: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  /** The address to open: carries the per-run token in the fragment, which browsers never send to a server. */
  tokenUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Every answer carries these; pages get the core's current policy instead of the base one (see below). */
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'microphone=(self), camera=(), geolocation=()',
};
const MAX_SESSIONS = 256;

/** The web shell: the built renderer plus the contract over HTTP and one WebSocket per tab, on loopback. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core } = options;
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const hostNames = host === '127.0.0.1' || host === 'localhost' ? ['127.0.0.1', 'localhost'] : [host, '127.0.0.1', 'localhost'];
  const guard = new RequestGuard(token, hostNames);
  const sessions = new Set<string>();
  const sockets = new Set<WebSocket>();
  const files = createFileStore({ dataDir: core.dataDir });

  const openSession = (): string => {
    if (sessions.size >= MAX_SESSIONS) {
      const oldest = sessions.values().next().value as string;
      sessions.delete(oldest);
      core.closeSession(oldest);
    }
    const id = core.openSession();
    sessions.add(id);
    return id;
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    if (!guard.originAllowed(req)) return sendJson(res, 403, failure('FORBIDDEN', 'Requests from other sites are refused.'));
    if (!guard.tokenMatches(guard.bearer(req))) return sendJson(res, 401, failure('UNAUTHENTICATED', 'Open Parley from the address it printed.'));
    if (pathname === WEB_PATHS.upload) return receiveUpload(req, res, { core, files, hasSession: (id) => sessions.has(id) });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, failure('INVALID_INPUT', 'Send JSON.'));
    }
    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify(failure('INVALID_INPUT', 'The request is too large.')), () => req.socket.destroy());
        return;
      }
      throw error;
    }
    if (pathname === WEB_PATHS.session) return sendJson(res, 200, { sessionId: openSession() });

    const sessionId = String(req.headers[SESSION_HEADER] ?? '');
    if (!sessions.has(sessionId)) return sendJson(res, 401, failure('UNAUTHENTICATED', 'This tab’s session has ended.'));
    let input: unknown;
    try {
      input = text === '' ? undefined : JSON.parse(text);
    } catch {
      return sendJson(res, 400, failure('INVALID_INPUT', 'The request body is not valid JSON.'));
    }
    const channel = pathname.slice(WEB_PATHS.apiPrefix.length);
    sendJson(res, 200, await core.dispatch(channel, input, sessionId));
  };

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!guard.hostAllowed(req)) return sendJson(res, 421, { error: 'Unknown host' });
    const pathname = new URL(req.url ?? '/', 'http://parley.invalid').pathname;
    if (pathname.startsWith(WEB_PATHS.apiPrefix)) {
      handleApi(req, res, pathname).catch(() => {
        if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', 'Something went wrong inside Parley.'));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed' });
    // A page's policy is fixed when it loads: it names the LiveKit servers configured at that moment.
    res.setHeader('content-security-policy', core.contentSecurityPolicy());
    const file = resolveStaticPath(options.rendererDir, pathname);
    if (!file || !sendStaticFile(res, file)) sendJson(res, 404, { error: 'Not found' });
  });
  server.keepAliveTimeout = 30_000;

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://parley.invalid');
    const sessionId = url.searchParams.get('session') ?? '';
    const allowed =
      url.pathname === WEB_PATHS.events &&
      guard.hostAllowed(req) &&
      guard.originAllowed(req) &&
      guard.tokenMatches(url.searchParams.get('token')) &&
      sessions.has(sessionId);
    if (!allowed) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      const unsubscribe = core.events.subscribe((event: CoreEvent) => {
        if ('all' in event.target || event.target.sessionIds.includes(sessionId)) {
          ws.send(JSON.stringify({ name: event.name, payload: event.payload }));
        }
      });
      ws.on('close', () => {
        unsubscribe();
        sockets.delete(ws);
      });
      ws.on('message', () => ws.close(1003, 'The events socket is one-way.'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.bindPort(port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}/`;

  return {
    url,
    tokenUrl: `${url}#token=${token}`,
    port,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const id of sessions) core.closeSession(id);
    },
  };
}

function failure(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
