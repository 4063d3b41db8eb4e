import type { Envelope } from '../../../src-shared/contract';
import { SESSION_HEADER, WEB_PATHS } from '../../../src-shared/web-protocol';
import { ApiError } from './api-error';
import { webCredentials } from './web-credentials';

export interface HttpTransport {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** The current session id, creating one when there is none. */
  session(): Promise<string>;
  /** Called with the new id whenever the session is replaced (the old one expired). */
  onSessionChange(listener: (sessionId: string) => void): () => void;
}

function requireToken(): string {
  const token = webCredentials.token();
  if (!token) throw ApiError.transport('token', 'Open Parley from the address it printed when it started.');
  return token;
}

async function post(path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body ?? {}),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    throw ApiError.transport('offline', error instanceof Error ? error.message : 'Parley is not reachable.');
  }
}

async function envelopeFrom(response: Response): Promise<Envelope<unknown>> {
  if (response.status === 413) throw ApiError.transport('too-large', 'The request is too large.');
  const body = (await response.json().catch(() => null)) as Envelope<unknown> | null;
  if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body;
  throw ApiError.transport('offline', `Parley answered with status ${response.status}.`);
}

/** The web shell transport (src-shared/web-protocol.ts): one session per tab, renewed once when it expires. */
export function createHttpTransport(): HttpTransport {
  const listeners = new Set<(sessionId: string) => void>();
  let pending: Promise<string> | null = null;

  const createSession = async (): Promise<string> => {
    const response = await post(WEB_PATHS.session, {}, { authorization: `Bearer ${requireToken()}` });
    if (response.status === 401)
      throw ApiError.transport('token', 'This Parley address has expired. Open the new one it printed.');
    if (!response.ok) throw ApiError.transport('offline', `Parley answered with status ${response.status}.`);
    const { sessionId } = (await response.json()) as { sessionId: string };
    webCredentials.saveSessionId(sessionId);
    for (const listener of listeners) listener(sessionId);
    return sessionId;
  };

  const session = (): Promise<string> => {
    const stored = webCredentials.sessionId();
    if (stored) return Promise.resolve(stored);
    pending ??= createSession().finally(() => {
      pending = null;
    });
    return pending;
  };

  const renew = (expired: string): Promise<string> => {
    if (webCredentials.sessionId() === expired) webCredentials.forgetSessionId();
    return session();
  };

  const send = async (channel: string, input: unknown, sessionId: string) =>
    post(`${WEB_PATHS.apiPrefix}${channel}`, input, {
      authorization: `Bearer ${requireToken()}`,
      [SESSION_HEADER]: sessionId,
    });

  return {
    session,
    onSessionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async invoke(channel, input) {
      const sessionId = await session();
      let response = await send(channel, input, sessionId);
      if (response.status === 401) response = await send(channel, input, await renew(sessionId));
      if (response.status === 401)
        throw ApiError.transport('token', 'This Parley address has expired. Open the new one it printed.');
      return envelopeFrom(response);
    },
  };
}
