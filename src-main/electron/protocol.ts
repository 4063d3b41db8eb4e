import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { APP_HOST, APP_SCHEME } from './renderer-origin';
import { contentTypeOf, readRendererFile, resolveRendererPath } from './renderer-files';
import { shellLog } from './shell-log';

/**
 * Must run before the app is ready. `standard` gives app://parley a real origin (so storage, CSP 'self' and
 * relative URLs behave as on the web), `secure` makes it a secure context (getUserMedia needs one), and
 * `supportFetchAPI` lets the renderer fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The policy of a page served now (the core's `contentSecurityPolicy`, which names the configured LiveKit servers). */
export type PolicyOfNow = () => string;
const basePolicy: PolicyOfNow = () => CONTENT_SECURITY_POLICY;

/**
 * Serves the files of the built renderer from `rendererDir` on app://parley/, and nothing else: there is no
 * fallback to index.html for unknown paths, so the renderer routes with a hash or in memory.
 */
export function serveRenderer(rendererDir: string, policy: PolicyOfNow = basePolicy): void {
  protocol.handle(APP_SCHEME, (request) => respond(rendererDir, request, policy));
}

/** Every answer, errors included, carries the CSP, so no page of ours ever runs without it. */
function reply(
  status: number,
  body: Uint8Array | string | null,
  csp: string,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Security-Policy': csp,
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export async function respond(
  rendererDir: string,
  request: Request,
  policy: PolicyOfNow = basePolicy,
): Promise<Response> {
  const url = new URL(request.url);
  const csp = policy();
  if (url.host !== APP_HOST) return reply(404, 'Not found', csp);
  if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, 'Method not allowed', csp);
  const file = resolveRendererPath(rendererDir, url.pathname);
  if (!file) {
    shellLog.warn('refused a path outside the renderer', { path: url.pathname.slice(0, 200) });
    return reply(403, 'Forbidden', csp);
  }
  try {
    const bytes = await readRendererFile(file);
    if (!bytes) return reply(404, 'Not found', csp);
    return reply(200, request.method === 'HEAD' ? null : new Uint8Array(bytes), csp, contentTypeOf(file));
  } catch (error) {
    shellLog.error('could not read a renderer file', { message: (error as Error)?.message });
    return reply(500, 'Internal error', csp);
  }
}
