import type {
  KeyRecord,
  LoginResponse,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../../src-shared/sync/protocol';
import type { LivekitGuestResponse, LivekitTokenResponse } from '../../../src-shared/sync/livekit-protocol';

/** Tokens of one device's session with the sync server. Kept in the key store only. */
export interface SyncTokens {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

/** Why a sync call failed, in terms the client acts on. */
export type SyncFailure =
  | 'offline'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'account_disabled'
  | 'version_conflict'
  | 'rate_limited'
  | 'not_found'
  | 'server'
  | 'bad_response';

export class SyncTransportError extends Error {
  constructor(
    readonly failure: SyncFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** One authenticated session with a sync server (what the engine needs). Tests use an in-memory fake too. */
export interface SyncSession {
  getKey(): Promise<KeyRecord | null>;
  putKey(request: { expectedVersion: number; wrappedKey: string; kdf: KeyRecord['kdf'] }): Promise<KeyRecord>;
  push(messages: PushRequest['messages']): Promise<PushResponse>;
  pull(after: number, limit: number): Promise<PullResponse>;
  /** LiveKit tokens for the room of a conversation of this account (`not_found`: the server offers none). */
  livekitTokens(conversationId: string): Promise<LivekitTokenResponse>;
  /** A guest's token for that room. */
  livekitGuest(conversationId: string, name: string): Promise<LivekitGuestResponse>;
}

/** Signs in and opens sessions. */
export interface SyncTransport {
  login(input: { username: string; password: string; deviceName: string; deviceId?: string }): Promise<LoginResponse>;
  /** A session that refreshes its tokens when needed and reports rotated tokens through `onTokens`. */
  session(tokens: SyncTokens, onTokens: (tokens: SyncTokens) => Promise<void>): SyncSession;
  logout(refreshToken: string): Promise<void>;
}
