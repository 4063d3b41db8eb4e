import { hostname } from 'node:os';
import { ContractError } from '../../../src-shared/contract/errors';
import type { SyncStatus } from '../../../src-shared/contract/sync';
import { createHttpTransport } from '../../providers/sync/http-transport';
import {
  SyncTransportError,
  type SyncSession,
  type SyncTokens,
  type SyncTransport,
} from '../../providers/sync/transport';
import type { DomainDeps } from '../index';
import { newDataKey, STRONG_KDF, unwrapDataKey, wrapDataKey, WrongPassphraseError, type KdfCost } from './crypto';
import { createSyncEngine, SyncIntegrityError, type SyncAccount, type SyncProgress } from './engine';
import { createSyncKeys } from './sync-keys';

/** Background sync: this long after the last local change, and at least this often. */
const DEBOUNCE_MS = 5_000;
const INTERVAL_MS = 5 * 60_000;
const POLL_MS = 2_000;

interface StateRow {
  profileId: string;
  serverUrl: string;
  username: string;
  accountId: string;
  lastSyncedAt: number | null;
  lastError: string | null;
  removeOnSignOut: number;
}

type Live = { state: 'idle' | 'syncing' | 'error' | 'offline'; message: string | null; signInNeeded?: boolean };

export type SyncService = ReturnType<typeof createSyncService>;

export interface SyncServiceOptions {
  /** How a server URL becomes a transport (tests pass an in-memory one). */
  transport?: (serverUrl: string) => SyncTransport;
  kdfCost?: KdfCost;
}

/**
 * Sync of each linked profile with its account on the companion server: configuration, the key, background runs
 * and "Sync now". Tokens and the data key live only in the key store.
 */
export function createSyncService(deps: DomainDeps, options: SyncServiceOptions = {}) {
  const sqlite = deps.db.$client;
  let transportFor = options.transport ?? ((url: string) => createHttpTransport(url));
  let kdfCost = options.kdfCost ?? STRONG_KDF;
  const keys = createSyncKeys(deps.keystore);
  const engine = createSyncEngine({ sqlite, now: deps.now, receive: (hlc) => deps.hlc?.receive(hlc) });
  const live = new Map<string, Live>();
  const running = new Map<string, Promise<void>>();

  const row = (profileId: string) =>
    sqlite
      .prepare(
        `SELECT profile_id AS profileId, server_url AS serverUrl, username, account_id AS accountId, last_synced_at AS lastSyncedAt,
                last_error AS lastError, remove_on_sign_out AS removeOnSignOut FROM sync_state WHERE profile_id = ?`,
      )
      .get(profileId) as StateRow | undefined;

  /**
   * One session per profile and refresh token: the server rotates the refresh token on every use, so two sessions
   * refreshing the same one at once (a background sync and a LiveKit token request) would sign the learner out.
   * A new session starts when the stored tokens are no longer the ones this session holds (signed in again).
   */
  const sessions = new Map<string, { serverUrl: string; refreshToken: string; session: SyncSession }>();
  const sessionFor = async (state: StateRow): Promise<SyncSession> => {
    const tokens = await keys.tokens(state.profileId);
    if (!tokens) throw new ContractError('UNAUTHENTICATED', 'Sign in to the sync server again.');
    const cached = sessions.get(state.profileId);
    if (cached && cached.serverUrl === state.serverUrl && cached.refreshToken === tokens.refreshToken)
      return cached.session;
    const entry = {
      serverUrl: state.serverUrl,
      refreshToken: tokens.refreshToken,
      session: undefined as unknown as SyncSession,
    };
    entry.session = transportFor(state.serverUrl).session(tokens, async (next) => {
      await keys.setTokens(state.profileId, next);
      entry.refreshToken = next.refreshToken;
    });
    sessions.set(state.profileId, entry);
    return entry.session;
  };

  const accountOf = async (state: StateRow): Promise<SyncAccount> => {
    const dataKey = await keys.dataKey(state.profileId);
    if (!dataKey) throw new ContractError('UNAUTHENTICATED', 'Enter your sync passphrase again.');
    return { profileId: state.profileId, accountId: state.accountId, dataKey };
  };

  /** Unwraps the account's data key with the passphrase, or creates and uploads one for a new account. */
  const obtainDataKey = async (session: SyncSession, accountId: string, passphrase: string): Promise<Buffer> => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const stored = await session.getKey();
      if (stored) {
        try {
          return await unwrapDataKey(stored, passphrase, accountId);
        } catch (error) {
          if (error instanceof WrongPassphraseError) throw new ContractError('WRONG_PASSWORD', error.message);
          throw error;
        }
      }
      const dataKey = newDataKey();
      try {
        await session.putKey({ expectedVersion: 0, ...(await wrapDataKey(dataKey, passphrase, accountId, kdfCost)) });
        return dataKey;
      } catch (error) {
        // Another device set the first key meanwhile: use theirs.
        if (!(error instanceof SyncTransportError && error.failure === 'version_conflict')) throw error;
      }
    }
    throw new ContractError('CONFLICT', 'The sync key changed several times while signing in. Try again.');
  };

  const plain = (error: unknown): Live & { message: string } => {
    if (error instanceof SyncTransportError)
      return {
        state: error.failure === 'offline' ? 'offline' : 'error',
        message: error.message,
        // Background runs stop until the learner signs in again: retrying would only repeat the refusal.
        signInNeeded: error.failure === 'unauthorized' || error.failure === 'account_disabled',
      };
    if (error instanceof SyncIntegrityError)
      return {
        state: 'error',
        message:
          'A message on the server failed its integrity check, so nothing of it was applied. Ask your school to check the server.',
      };
    if (error instanceof ContractError) return { state: 'error', message: error.message };
    deps.logger.error({ err: { message: (error as Error)?.message } }, 'sync failed');
    return { state: 'error', message: 'Sync stopped because of an unexpected problem. It will try again.' };
  };

  const run = (profileId: string, progress?: (p: SyncProgress) => void): Promise<void> => {
    const current = running.get(profileId);
    if (current) return current;
    const task = (async () => {
      const state = row(profileId);
      if (!state) throw new ContractError('NOT_FOUND', 'This profile is not linked to a sync server.');
      live.set(profileId, { state: 'syncing', message: null });
      try {
        const session = await sessionFor(state);
        const account = await accountOf(state);
        await engine.push(session, account, progress);
        await engine.pull(session, account, progress);
        sqlite
          .prepare('UPDATE sync_state SET last_synced_at = ?, last_error = NULL WHERE profile_id = ?')
          .run(deps.now(), profileId);
        live.set(profileId, { state: 'idle', message: null });
        deps.logger.info({ pending: engine.pending(profileId) }, 'sync done');
      } catch (error) {
        const described = plain(error);
        live.set(profileId, described);
        sqlite.prepare('UPDATE sync_state SET last_error = ? WHERE profile_id = ?').run(described.message, profileId);
        throw error;
      }
    })().finally(() => running.delete(profileId));
    running.set(profileId, task);
    return task;
  };

  // Background: a profile with unsent changes syncs DEBOUNCE_MS after they stop growing, and every INTERVAL_MS.
  const seen = new Map<string, { pending: number; since: number; lastRun: number }>();
  const tick = () => {
    let linked: string[];
    try {
      linked = (sqlite.prepare('SELECT profile_id FROM sync_state').pluck().all() as string[]) ?? [];
    } catch {
      return;
    }
    const now = deps.now();
    for (const profileId of linked) {
      const pending = engine.pending(profileId);
      const entry = seen.get(profileId) ?? { pending: 0, since: now, lastRun: 0 };
      if (pending !== entry.pending) Object.assign(entry, { pending, since: now });
      seen.set(profileId, entry);
      const due = (pending > 0 && now - entry.since >= DEBOUNCE_MS) || now - entry.lastRun >= INTERVAL_MS;
      if (!due || running.has(profileId) || live.get(profileId)?.signInNeeded) continue;
      entry.lastRun = now;
      run(profileId).catch(() => undefined);
    }
  };
  let timer: ReturnType<typeof setInterval> | null = null;

  return {
    engine,
    /** For tests: an in-memory server and cheap key derivation. */
    useTransport(factory: ((serverUrl: string) => SyncTransport) | undefined, cost?: KdfCost) {
      if (factory) transportFor = factory;
      sessions.clear();
      if (cost) kdfCost = cost;
    },

    startBackground() {
      if (timer) return;
      for (const profileId of sqlite.prepare('SELECT profile_id FROM sync_state').pluck().all() as string[])
        engine.retryParked(profileId);
      timer = setInterval(tick, POLL_MS);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.allSettled([...running.values()]);
    },

    status(profileId: string): SyncStatus {
      const state = row(profileId);
      if (!state)
        return {
          configured: false,
          serverUrl: null,
          username: null,
          state: 'idle',
          message: null,
          lastSyncedAt: null,
          pendingChanges: 0,
          parkedChanges: 0,
          removeOnSignOut: false,
        };
      const now =
        live.get(profileId) ??
        (state.lastError
          ? { state: 'error' as const, message: state.lastError }
          : { state: 'idle' as const, message: null });
      return {
        configured: true,
        serverUrl: state.serverUrl,
        username: state.username,
        state: now.state,
        message: now.message,
        lastSyncedAt: state.lastSyncedAt,
        pendingChanges: engine.pending(profileId),
        parkedChanges: sqlite
          .prepare('SELECT count(*) FROM sync_parked WHERE profile_id = ?')
          .pluck()
          .get(profileId) as number,
        removeOnSignOut: state.removeOnSignOut === 1,
      };
    },

    /** Signs in to an account and links it to an existing profile. */
    async configure(
      profileId: string,
      input: { serverUrl: string; username: string; password: string; passphrase: string; removeOnSignOut: boolean },
    ) {
      if (row(profileId))
        throw new ContractError('CONFLICT', 'This profile is already linked to a sync server. Sign out of sync first.');
      const linked = await signIn(input);
      const session = transportFor(input.serverUrl).session(linked.tokens, async () => undefined);
      const holder = await engine.firstProfileId(session, { accountId: linked.accountId, dataKey: linked.dataKey });
      if (holder && holder !== profileId)
        throw new ContractError(
          'CONFLICT',
          'This sync account already holds another profile. Use “Sign in with the school server” on the profile picker to bring it here.',
        );
      sqlite
        .prepare(
          `INSERT INTO sync_state (profile_id, server_url, username, account_id, cursor, remove_on_sign_out, created_at) VALUES (?, ?, ?, ?, '', ?, ?)`,
        )
        .run(profileId, input.serverUrl, input.username, linked.accountId, input.removeOnSignOut ? 1 : 0, deps.now());
      await keys.setTokens(profileId, linked.tokens);
      await keys.setDataKey(profileId, linked.dataKey);
      await keys.setDeviceId(input.serverUrl, input.username, linked.deviceId);
      await run(profileId).catch(() => undefined);
      return this.status(profileId);
    },

    /**
     * The profile's signed-in session with its school server, for what else the server offers (LiveKit tokens):
     * the same tokens and refresh as sync. NOT_FOUND when the profile is not linked, UNAUTHENTICATED when signed out.
     */
    async schoolSession(profileId: string): Promise<SyncSession> {
      const state = row(profileId);
      if (!state) throw new ContractError('NOT_FOUND', 'This profile is not linked to a sync server.');
      return sessionFor(state);
    },

    async syncNow(profileId: string, progress?: (p: SyncProgress) => void) {
      await run(profileId, progress).catch(() => undefined);
      return this.status(profileId);
    },

    async changePassphrase(profileId: string, current: string, next: string) {
      const state = row(profileId);
      if (!state) throw new ContractError('NOT_FOUND', 'This profile is not linked to a sync server.');
      const session = await sessionFor(state);
      const stored = await session.getKey();
      if (!stored) throw new ContractError('NOT_FOUND', 'The sync server holds no key for this account yet.');
      let dataKey: Buffer;
      try {
        dataKey = await unwrapDataKey(stored, current, state.accountId);
      } catch (error) {
        if (error instanceof WrongPassphraseError)
          throw new ContractError('WRONG_PASSWORD', 'The current sync passphrase is not right.');
        throw error;
      }
      try {
        await session.putKey({
          expectedVersion: stored.version,
          ...(await wrapDataKey(dataKey, next, state.accountId, kdfCost)),
        });
      } catch (error) {
        if (error instanceof SyncTransportError && error.failure === 'version_conflict')
          throw new ContractError(
            'CONFLICT',
            'Another device changed the sync passphrase at the same time. Try again.',
          );
        throw error;
      }
    },

    /** Ends this device's sync session; with removeLocalCopy (shared machines), the profile's local data goes too. */
    async signOut(profileId: string, removeLocalCopy: boolean) {
      const state = row(profileId);
      if (!state) return { removed: false };
      if (removeLocalCopy) {
        await run(profileId).catch(() => undefined);
        const pending = engine.pending(profileId);
        if (pending > 0)
          throw new ContractError(
            'CONFLICT',
            `${pending} changes have not reached the sync server yet, so the local copy was kept. Connect and try again.`,
          );
      }
      const tokens = await keys.tokens(profileId);
      if (tokens)
        await transportFor(state.serverUrl)
          .logout(tokens.refreshToken)
          .catch(() => undefined);
      await keys.clear(profileId);
      sqlite.transaction(() => {
        sqlite.prepare('DELETE FROM sync_state WHERE profile_id = ?').run(profileId);
        sqlite.prepare('DELETE FROM sync_parked WHERE profile_id = ?').run(profileId);
        sqlite.prepare('DELETE FROM sync_outgoing WHERE profile_id = ?').run(profileId);
        if (removeLocalCopy) sqlite.prepare('DELETE FROM profiles WHERE id = ?').run(profileId);
      })();
      live.delete(profileId);
      return { removed: removeLocalCopy };
    },

    /**
     * "Sign in with the school server": the account's data comes down and becomes a local profile (or updates the
     * one already here). Returns the profile id.
     */
    async roam(
      input: { serverUrl: string; username: string; password: string; passphrase: string; removeOnSignOut: boolean },
      progress?: (p: SyncProgress) => void,
    ) {
      const linked = await signIn(input);
      const session = transportFor(input.serverUrl).session(linked.tokens, async () => undefined);
      const profileId = await engine.firstProfileId(session, { accountId: linked.accountId, dataKey: linked.dataKey });
      if (!profileId)
        throw new ContractError(
          'NOT_FOUND',
          'This sync account holds no learner data yet. Set up sync from Settings on the machine you usually use.',
        );
      if (!row(profileId)) {
        sqlite
          .prepare(
            `INSERT INTO sync_state (profile_id, server_url, username, account_id, cursor, remove_on_sign_out, created_at) VALUES (?, ?, ?, ?, '', ?, ?)`,
          )
          .run(profileId, input.serverUrl, input.username, linked.accountId, input.removeOnSignOut ? 1 : 0, deps.now());
      }
      await keys.setTokens(profileId, linked.tokens);
      await keys.setDataKey(profileId, linked.dataKey);
      await keys.setDeviceId(input.serverUrl, input.username, linked.deviceId);
      await run(profileId, progress);
      return profileId;
    },
  };

  async function signIn(input: { serverUrl: string; username: string; password: string; passphrase: string }) {
    const transport = transportFor(input.serverUrl);
    const deviceId = (await keys.deviceId(input.serverUrl, input.username)) ?? undefined;
    let login;
    try {
      login = await transport.login({
        username: input.username,
        password: input.password,
        deviceName: hostname().slice(0, 100) || 'Parley',
        deviceId,
      });
    } catch (error) {
      if (error instanceof SyncTransportError) {
        const code =
          error.failure === 'invalid_credentials'
            ? 'WRONG_PASSWORD'
            : error.failure === 'offline'
              ? 'UNAVAILABLE'
              : 'CONFLICT';
        throw new ContractError(code, error.message);
      }
      throw error;
    }
    const tokens: SyncTokens = {
      accessToken: login.accessToken,
      accessExpiresAt: login.accessExpiresAt,
      refreshToken: login.refreshToken,
      refreshExpiresAt: login.refreshExpiresAt,
    };
    let current = tokens;
    const session = transport.session(tokens, async (next) => void (current = next));
    const dataKey = await obtainDataKey(session, login.accountId, input.passphrase);
    return { accountId: login.accountId, deviceId: login.deviceId, tokens: current, dataKey };
  }
}
