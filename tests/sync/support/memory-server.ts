import { randomUUID } from 'node:crypto';
import type { KeyRecord, PulledMessage } from '../../../src-shared/sync/protocol';
import { SyncTransportError, type SyncSession, type SyncTransport } from '../../../src-main/providers/sync/transport';

/** Decides, call by call, what goes wrong on the wire (property tests drive it from a seed). */
export interface Faults {
  /** 'ok'; 'drop': the request never arrives; 'cut': the server stores the push but the answer is lost. */
  push(): 'ok' | 'drop' | 'cut';
  /** 'ok'; 'drop': the answer is lost; 'shuffle': the page comes reordered with a duplicate. */
  pull(): 'ok' | 'drop' | 'shuffle';
}

export const noFaults: Faults = { push: () => 'ok', pull: () => 'ok' };

/**
 * An in-memory stand-in for the sync server with the protocol's rules (idempotent ids, dense per-account seq,
 * opaque ciphertexts), for property tests that need thousands of cheap syncs. The real server is tested in
 * tests/sync/real-server.test.ts.
 */
export function createMemoryServer() {
  const accounts = new Map<string, { messages: PulledMessage[]; byId: Map<string, number>; key: KeyRecord | null }>();
  const account = (accountId: string) => {
    let found = accounts.get(accountId);
    if (!found) accounts.set(accountId, (found = { messages: [], byId: new Map(), key: null }));
    return found;
  };
  const users = new Map<string, { password: string; accountId: string }>();
  const tokens = new Map<string, string>();
  const server = {
    accounts,
    addUser(username: string, password: string) {
      const accountId = randomUUID();
      users.set(username, { password, accountId });
      return accountId;
    },
    /** The school resets a password: the account and its data stay. */
    setPassword(username: string, password: string) {
      users.get(username)!.password = password;
    },
    /** The client side of this server, as the sync service uses it. */
    transport(): SyncTransport {
      return {
        async login({ username, password, deviceId }) {
          const user = users.get(username);
          if (!user || user.password !== password)
            throw new SyncTransportError('invalid_credentials', 'That username or password is not right.');
          const accessToken = randomUUID();
          tokens.set(accessToken, user.accountId);
          const device = deviceId ?? randomUUID();
          return {
            accessToken,
            accessExpiresAt: Date.now() + 900_000,
            refreshToken: randomUUID(),
            refreshExpiresAt: Date.now() + 1e9,
            accountId: user.accountId,
            deviceId: device,
            username,
            displayName: username,
            role: 'learner' as const,
          };
        },
        session(t) {
          const accountId = tokens.get(t.accessToken);
          if (!accountId) throw new SyncTransportError('unauthorized', 'Sign in again.');
          return server.session(accountId);
        },
        async logout() {},
      };
    },
    /** Lets a test alter a stored message as a malicious server could. */
    tamper(accountId: string, index: number, edit: (bytes: Buffer) => Buffer) {
      const message = account(accountId).messages[index]!;
      message.ciphertext = edit(Buffer.from(message.ciphertext, 'base64')).toString('base64');
    },
    session(
      accountId: string,
      deviceId: string = randomUUID(),
      faults: Faults = noFaults,
      pageLimit = 1000,
    ): SyncSession {
      const store = account(accountId);
      return {
        async getKey() {
          return store.key;
        },
        async putKey({ expectedVersion, wrappedKey, kdf }) {
          if ((store.key?.version ?? 0) !== expectedVersion)
            throw new SyncTransportError('version_conflict', 'version conflict');
          store.key = { version: expectedVersion + 1, wrappedKey, kdf, updatedAt: Date.now() };
          return store.key;
        },
        async push(messages) {
          const fault = faults.push();
          if (fault === 'drop') throw new SyncTransportError('offline', 'connection refused');
          const accepted = messages.map((m) => {
            const existing = store.byId.get(m.id);
            if (existing !== undefined) return { id: m.id, seq: existing, duplicate: true };
            const seq = store.messages.length + 1;
            store.messages.push({
              id: m.id,
              seq,
              deviceId,
              ciphertext: m.ciphertext,
              size: m.size,
              receivedAt: Date.now(),
            });
            store.byId.set(m.id, seq);
            return { id: m.id, seq, duplicate: false };
          });
          if (fault === 'cut') throw new SyncTransportError('offline', 'connection reset');
          return { accepted, highestSeq: store.messages.length };
        },
        async pull(after, limit) {
          const fault = faults.pull();
          if (fault === 'drop') throw new SyncTransportError('offline', 'connection reset');
          const page = store.messages.slice(after, after + Math.min(limit, pageLimit)).map((m) => ({ ...m }));
          const nextAfter = page.length ? page[page.length - 1]!.seq : after;
          const messages =
            fault === 'shuffle' && page.length > 1 ? [...page.slice(1), page[0]!, page[page.length - 1]!] : page;
          return { messages, hasMore: nextAfter < store.messages.length, nextAfter, highestSeq: store.messages.length };
        },
        // This stand-in has no LiveKit, like a server started without LIVEKIT_* (the real one: tests/voice).
        async livekitTokens() {
          throw new SyncTransportError('not_found', 'The sync server does not offer this.');
        },
        async livekitGuest() {
          throw new SyncTransportError('not_found', 'The sync server does not offer this.');
        },
      };
    },
  };
  return server;
}
export type MemoryServer = ReturnType<typeof createMemoryServer>;
