import type { z } from 'zod';
import {
  endpoints,
  errorBody,
  getKeysResponse,
  loginResponse,
  pullResponse,
  pushResponse,
  putKeysResponse,
  refreshResponse,
} from '../../../src-shared/sync/protocol';
import {
  livekitEndpoints,
  livekitGuestResponse,
  livekitTokenResponse,
} from '../../../src-shared/sync/livekit-protocol';
import {
  SyncTransportError,
  type SyncFailure,
  type SyncSession,
  type SyncTokens,
  type SyncTransport,
} from './transport';

export interface HttpTransportOptions {
  /** Per request. */
  timeoutMs?: number;
  /** Attempts for a request that failed on the network, with a 5xx or 429 (with backoff). */
  attempts?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The sync server over HTTP(S), with timeouts, retries with backoff and token refresh (serialized: refresh rotates). */
export function createHttpTransport(baseUrl: string, options: HttpTransportOptions = {}): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const attempts = options.attempts ?? 4;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;

  async function request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | null,
    body?: unknown,
    accessToken?: string,
  ): Promise<z.infer<S>> {
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(base + path, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        if (attempt < attempts) {
          await sleep(backoff(attempt));
          continue;
        }
        throw new SyncTransportError('offline', 'The sync server could not be reached.');
      }
      if (response.ok) {
        if (!schema) return undefined as z.infer<S>;
        const parsed = schema.safeParse(await response.json().catch(() => null));
        if (!parsed.success)
          throw new SyncTransportError('bad_response', 'The sync server sent an answer Parley does not understand.');
        return parsed.data;
      }
      const error = errorBody.safeParse(await response.json().catch(() => null));
      const code = error.success ? error.data.error.code : null;
      const retryAfter =
        Number(response.headers.get('retry-after')) * 1000 ||
        (error.success ? (error.data.error.retryAfterSeconds ?? 0) * 1000 : 0);
      if ((response.status >= 500 || response.status === 429) && attempt < attempts) {
        await sleep(Math.max(backoff(attempt), Math.min(retryAfter, 60_000)));
        continue;
      }
      const failure = new SyncTransportError(
        failureOf(response.status, code),
        messageOf(response.status, code),
        retryAfter || undefined,
      );
      throw Object.assign(failure, { expired: code === 'token_expired' });
    }
  }

  return {
    login: (input) => request('POST', endpoints.login.path, loginResponse, input),
    logout: async (refreshToken) => {
      await request('POST', endpoints.logout.path, null, { refreshToken });
    },
    session(initial, onTokens) {
      let tokens: SyncTokens = initial;
      let refreshing: Promise<void> | null = null;
      const refresh = () =>
        (refreshing ??= (async () => {
          try {
            const next = await request('POST', endpoints.refresh.path, refreshResponse, {
              refreshToken: tokens.refreshToken,
            });
            await onTokens(next);
            tokens = next;
          } finally {
            refreshing = null;
          }
        })());
      const authed = async <S extends z.ZodType>(
        method: string,
        path: string,
        schema: S,
        body?: unknown,
      ): Promise<z.infer<S>> => {
        if (refreshing) await refreshing;
        if (tokens.accessExpiresAt - 30_000 < Date.now()) await refresh();
        try {
          return await request(method, path, schema, body, tokens.accessToken);
        } catch (error) {
          if (
            !(error instanceof SyncTransportError) ||
            error.failure !== 'unauthorized' ||
            !(error as { expired?: boolean }).expired
          )
            throw error;
          await refresh();
          return request(method, path, schema, body, tokens.accessToken);
        }
      };
      const session: SyncSession = {
        getKey: async () => (await authed('GET', endpoints.getKeys.path, getKeysResponse)).key,
        putKey: async (input) => (await authed('PUT', endpoints.putKeys.path, putKeysResponse, input)).key,
        push: (messages) => authed('POST', endpoints.push.path, pushResponse, { messages }),
        pull: (after, limit) => authed('GET', `${endpoints.pull.path}?after=${after}&limit=${limit}`, pullResponse),
        livekitTokens: (conversationId) =>
          authed('POST', livekitEndpoints.tokens.path, livekitTokenResponse, { conversationId }),
        livekitGuest: (conversationId, name) =>
          authed('POST', livekitEndpoints.guest.path, livekitGuestResponse, { conversationId, name }),
      };
      return session;
    },
  };
}

const backoff = (attempt: number) => Math.min(200 * 2 ** (attempt - 1), 5_000) * (0.5 + Math.random() / 2);

function failureOf(status: number, code: string | null): SyncFailure {
  if (code === 'invalid_credentials') return 'invalid_credentials';
  if (code === 'account_disabled') return 'account_disabled';
  if (code === 'version_conflict') return 'version_conflict';
  if (code === 'rate_limited' || status === 429) return 'rate_limited';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  return 'server';
}

function messageOf(status: number, code: string | null): string {
  if (code === 'invalid_credentials') return 'That username or password is not right.';
  if (code === 'account_disabled') return 'Your school has disabled this sync account.';
  if (code === 'token_expired' || status === 401) return 'The sync server asks you to sign in again.';
  if (status === 429) return 'The sync server is busy. Parley will try again shortly.';
  if (status === 404) return 'The sync server does not offer this.';
  return `The sync server answered with an error (${status}${code ? ` ${code}` : ''}).`;
}
