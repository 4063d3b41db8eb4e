/**
 * Everything the server keeps lives behind this interface, so SQLite (one machine) and PostgreSQL (several
 * instances behind a load balancer) behave the same. No state is kept in the process: rate-limit counters,
 * secrets and setup codes are rows too.
 */
export type Role = 'admin' | 'learner';

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
  lastSeq: number;
  storedBytes: number;
}

export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  createdAt: number;
}

export interface SessionAccess {
  sessionId: string;
  accountId: string;
  deviceId: string;
  expiresAt: number;
  revoked: boolean;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
}

export interface NewSession {
  id: string;
  accountId: string;
  deviceId: string;
  refreshHash: string;
  createdAt: number;
  expiresAt: number;
}

export type RotateResult =
  | { kind: 'rotated'; session: SessionAccess }
  | { kind: 'reused'; sessionId: string }
  | { kind: 'unknown' };

export interface StoredKey {
  version: number;
  wrappedKey: string;
  kdf: string;
  updatedAt: number;
}

export interface IncomingMessage {
  id: string;
  ciphertext: Buffer;
}

export interface StoredMessage {
  id: string;
  seq: number;
  deviceId: string;
  size: number;
  receivedAt: number;
  ciphertext: Buffer;
}

export interface PushResult {
  accepted: { id: string; seq: number; duplicate: boolean }[];
  highestSeq: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  ping(): Promise<void>;

  /** Returns the setting, creating it with `create()` when absent; two instances starting together agree. */
  ensureSetting(name: string, create: () => string): Promise<string>;
  getSetting(name: string): Promise<string | null>;
  setSetting(name: string, value: string | null): Promise<void>;

  countAdmins(): Promise<number>;
  /** False when the username is taken. */
  createAccount(account: NewAccount): Promise<boolean>;
  findAccountByUsername(username: string): Promise<AccountRow | null>;
  getAccount(accountId: string): Promise<AccountRow | null>;
  listAccounts(after: string, limit: number): Promise<AccountRow[]>;
  setPasswordHash(accountId: string, passwordHash: string): Promise<void>;
  setDisabled(accountId: string, disabled: boolean): Promise<void>;

  /** Keeps `deviceId` when it already belongs to this account; otherwise registers `newId`. Returns the id used. */
  ensureDevice(accountId: string, deviceId: string | null, newId: string, name: string, now: number): Promise<string>;

  createSession(session: NewSession): Promise<void>;
  getSession(sessionId: string): Promise<SessionAccess | null>;
  /** Spends `oldHash` and stores `newHash` atomically; a spent hash presented again revokes its session. */
  rotateRefresh(oldHash: string, newHash: string, now: number, expiresAt: number): Promise<RotateResult>;
  findSessionByRefresh(refreshHash: string): Promise<string | null>;
  revokeSession(sessionId: string, now: number): Promise<void>;
  revokeAccountSessions(accountId: string, now: number, exceptSessionId?: string): Promise<void>;

  getKey(accountId: string): Promise<StoredKey | null>;
  /** Null when the stored version is not `expectedVersion`. */
  putKey(accountId: string, expectedVersion: number, wrappedKey: string, kdf: string, now: number): Promise<StoredKey | null>;

  push(accountId: string, deviceId: string, messages: IncomingMessage[], now: number): Promise<PushResult>;
  pull(accountId: string, after: number, limit: number, maxBytes: number): Promise<{ messages: StoredMessage[]; highestSeq: number }>;

  /** Counts one hit for each key in the window starting at `windowStart`; returns the counts, in key order. */
  hit(keys: string[], windowStart: number): Promise<number[]>;
  pruneRateLimits(before: number): Promise<void>;
}
