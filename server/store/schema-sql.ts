/**
 * The server's tables, one DDL for both backends (`{int}`, `{blob}` differ). Additive only: a new version appends
 * statements, so instances of the previous release keep working against a migrated database.
 */
const tables = `
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled {int} NOT NULL DEFAULT 0,
  created_at {int} NOT NULL,
  last_seq {int} NOT NULL DEFAULT 0,
  stored_bytes {int} NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at {int} NOT NULL,
  last_seen_at {int} NOT NULL
);
CREATE INDEX IF NOT EXISTS devices_account ON devices(account_id);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  device_id TEXT NOT NULL,
  created_at {int} NOT NULL,
  expires_at {int} NOT NULL,
  revoked_at {int}
);
CREATE INDEX IF NOT EXISTS sessions_account ON sessions(account_id);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  created_at {int} NOT NULL,
  spent_at {int}
);
CREATE INDEX IF NOT EXISTS refresh_tokens_session ON refresh_tokens(session_id);
CREATE TABLE IF NOT EXISTS data_keys (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  version {int} NOT NULL,
  wrapped_key TEXT NOT NULL,
  kdf TEXT NOT NULL,
  updated_at {int} NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  seq {int} NOT NULL,
  id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  size {int} NOT NULL,
  received_at {int} NOT NULL,
  ciphertext {blob} NOT NULL,
  PRIMARY KEY (account_id, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_account_id ON messages(account_id, id);
CREATE TABLE IF NOT EXISTS rate_limits (key TEXT PRIMARY KEY, window_start {int} NOT NULL, count {int} NOT NULL);
`;

export function schemaSql(dialect: 'sqlite' | 'postgres'): string {
  const types = dialect === 'sqlite' ? { int: 'INTEGER', blob: 'BLOB' } : { int: 'BIGINT', blob: 'BYTEA' };
  return tables.replaceAll('{int}', types.int).replaceAll('{blob}', types.blob);
}

export const SQL = {
  hitRateLimit: (count: number, placeholder: (i: number) => string) =>
    `INSERT INTO rate_limits (key, window_start, count) VALUES ${Array.from(
      { length: count },
      (_, i) => `(${placeholder(i * 2 + 1)}, ${placeholder(i * 2 + 2)}, 1)`,
    ).join(', ')}
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
       window_start = excluded.window_start
     RETURNING key, count`,
} as const;

export const accountColumns =
  'id, username, display_name AS "displayName", role, password_hash AS "passwordHash", disabled, created_at AS "createdAt", last_seq AS "lastSeq", stored_bytes AS "storedBytes"';

export const sessionAccessSql = (placeholder: string) => `
  SELECT s.id AS "sessionId", s.account_id AS "accountId", s.device_id AS "deviceId", s.expires_at AS "expiresAt",
         s.revoked_at AS "revokedAt", a.username, a.display_name AS "displayName", a.role, a.disabled
  FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id = ${placeholder}`;
