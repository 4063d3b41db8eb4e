import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { lastSeqWithin } from './paging';
import { accountColumns, schemaSql, sessionAccessSql, SQL } from './schema-sql';
import type { AccountRow, IncomingMessage, NewAccount, NewSession, RotateResult, SessionAccess, Store, StoredKey, StoredMessage } from './store';

type RawAccount = Omit<AccountRow, 'disabled'> & { disabled: number };
type RawSession = Omit<SessionAccess, 'revoked' | 'disabled'> & { revokedAt: number | null; disabled: number };

const toAccount = (row: RawAccount): AccountRow => ({ ...row, disabled: row.disabled === 1 });
const toSession = ({ revokedAt, disabled, ...row }: RawSession): SessionAccess => ({
  ...row,
  revoked: revokedAt !== null,
  disabled: disabled === 1,
});

/**
 * better-sqlite3 in WAL mode. Every write transaction is BEGIN IMMEDIATE and synchronous, so no other request of
 * this process interleaves, and a second process on the same file waits on the busy timeout.
 */
export function openSqliteStore(file: string): Store {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  db.transaction(() => db.exec(schemaSql('sqlite'))).immediate();
  /**
   * Rate-limit counters go through a second connection that does not fsync each commit: losing the last second of
   * counts to a power cut is harmless, and the next durable commit on `db` syncs the shared WAL anyway.
   */
  const counters = new Database(file);
  counters.pragma('synchronous = NORMAL');
  counters.pragma('busy_timeout = 10000');
  const pushes = groupCommit(db);

  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T | undefined;
  const immediate = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const session = (id: string) => {
    const row = one<RawSession>(sessionAccessSql('?'), id);
    return row ? toSession(row) : null;
  };

  const store: Store = {
    kind: 'sqlite',
    async close() {
      counters.close();
      db.close();
    },
    async ping() {
      one('SELECT 1');
    },
    async ensureSetting(name, create) {
      db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, create());
      return one<{ value: string }>('SELECT value FROM settings WHERE name = ?', name)!.value;
    },
    async getSetting(name) {
      return one<{ value: string }>('SELECT value FROM settings WHERE name = ?', name)?.value ?? null;
    },
    async setSetting(name, value) {
      if (value === null) db.prepare('DELETE FROM settings WHERE name = ?').run(name);
      else db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
    },
    async countAdmins() {
      return one<{ n: number }>("SELECT count(*) AS n FROM accounts WHERE role = 'admin'")!.n;
    },
    async createAccount(a: NewAccount) {
      const result = db
        .prepare(
          `INSERT INTO accounts (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (username) DO NOTHING`,
        )
        .run(a.id, a.username, a.displayName, a.role, a.passwordHash, a.createdAt);
      return result.changes === 1;
    },
    async findAccountByUsername(username) {
      const row = one<RawAccount>(`SELECT ${accountColumns} FROM accounts WHERE username = ?`, username);
      return row ? toAccount(row) : null;
    },
    async getAccount(accountId) {
      const row = one<RawAccount>(`SELECT ${accountColumns} FROM accounts WHERE id = ?`, accountId);
      return row ? toAccount(row) : null;
    },
    async listAccounts(after, limit) {
      const rows = db
        .prepare(`SELECT ${accountColumns} FROM accounts WHERE username > ? ORDER BY username LIMIT ?`)
        .all(after, limit) as RawAccount[];
      return rows.map(toAccount);
    },
    async setPasswordHash(accountId, passwordHash) {
      db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, accountId);
    },
    async setDisabled(accountId, disabled) {
      db.prepare('UPDATE accounts SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, accountId);
    },
    async ensureDevice(accountId, deviceId, newId, name, now) {
      return immediate(() => {
        if (deviceId && one('SELECT 1 FROM devices WHERE id = ? AND account_id = ?', deviceId, accountId)) {
          db.prepare('UPDATE devices SET name = ?, last_seen_at = ? WHERE id = ?').run(name, now, deviceId);
          return deviceId;
        }
        db.prepare('INSERT INTO devices (id, account_id, name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(newId, accountId, name, now, now);
        return newId;
      });
    },
    async createSession(s: NewSession) {
      immediate(() => {
        db.prepare('INSERT INTO sessions (id, account_id, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
          s.id,
          s.accountId,
          s.deviceId,
          s.createdAt,
          s.expiresAt,
        );
        db.prepare('INSERT INTO refresh_tokens (hash, session_id, created_at) VALUES (?, ?, ?)').run(s.refreshHash, s.id, s.createdAt);
      });
    },
    async getSession(sessionId) {
      return session(sessionId);
    },
    async rotateRefresh(oldHash, newHash, now, expiresAt): Promise<RotateResult> {
      return immediate(() => {
        const token = one<{ sessionId: string; spentAt: number | null }>(
          'SELECT session_id AS "sessionId", spent_at AS "spentAt" FROM refresh_tokens WHERE hash = ?',
          oldHash,
        );
        if (!token) return { kind: 'unknown' };
        if (token.spentAt !== null) {
          db.prepare('UPDATE sessions SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now, token.sessionId);
          return { kind: 'reused', sessionId: token.sessionId };
        }
        db.prepare('UPDATE refresh_tokens SET spent_at = ? WHERE hash = ?').run(now, oldHash);
        db.prepare('INSERT INTO refresh_tokens (hash, session_id, created_at) VALUES (?, ?, ?)').run(newHash, token.sessionId, now);
        db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ? AND revoked_at IS NULL AND expires_at > ?').run(expiresAt, token.sessionId, now);
        return { kind: 'rotated', session: session(token.sessionId)! };
      });
    },
    async findSessionByRefresh(refreshHash) {
      return one<{ id: string }>('SELECT session_id AS id FROM refresh_tokens WHERE hash = ?', refreshHash)?.id ?? null;
    },
    async revokeSession(sessionId, now) {
      db.prepare('UPDATE sessions SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now, sessionId);
    },
    async revokeAccountSessions(accountId, now, exceptSessionId) {
      db.prepare('UPDATE sessions SET revoked_at = coalesce(revoked_at, ?) WHERE account_id = ? AND id <> ?').run(now, accountId, exceptSessionId ?? '');
    },
    async getKey(accountId) {
      return (
        one<StoredKey>('SELECT version, wrapped_key AS "wrappedKey", kdf, updated_at AS "updatedAt" FROM data_keys WHERE account_id = ?', accountId) ??
        null
      );
    },
    async putKey(accountId, expectedVersion, wrappedKey, kdf, now) {
      return immediate(() => {
        const current = one<{ version: number }>('SELECT version FROM data_keys WHERE account_id = ?', accountId)?.version ?? 0;
        if (current !== expectedVersion) return null;
        const version = current + 1;
        db.prepare(
          `INSERT INTO data_keys (account_id, version, wrapped_key, kdf, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (account_id) DO UPDATE SET version = excluded.version, wrapped_key = excluded.wrapped_key,
             kdf = excluded.kdf, updated_at = excluded.updated_at`,
        ).run(accountId, version, wrappedKey, kdf, now);
        return { version, wrappedKey, kdf, updatedAt: now };
      });
    },
    push(accountId, deviceId, messages: IncomingMessage[], now) {
      return pushes.run(() => {
        let seq = one<{ lastSeq: number }>('SELECT last_seq AS "lastSeq" FROM accounts WHERE id = ?', accountId)!.lastSeq;
        const existing = db.prepare('SELECT seq FROM messages WHERE account_id = ? AND id = ?').pluck();
        const insert = db.prepare(
          'INSERT INTO messages (account_id, seq, id, device_id, size, received_at, ciphertext) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        const seen = new Map<string, number>();
        let bytes = 0;
        const accepted = messages.map(({ id, ciphertext }) => {
          const stored = seen.get(id) ?? (existing.get(accountId, id) as number | undefined);
          if (stored !== undefined) return { id, seq: stored, duplicate: true };
          seq += 1;
          insert.run(accountId, seq, id, deviceId, ciphertext.length, now, ciphertext);
          seen.set(id, seq);
          bytes += ciphertext.length;
          return { id, seq, duplicate: false };
        });
        db.prepare('UPDATE accounts SET last_seq = ?, stored_bytes = stored_bytes + ? WHERE id = ?').run(seq, bytes, accountId);
        return { accepted, highestSeq: seq };
      });
    },
    async pull(accountId, after, limit, maxBytes) {
      const read = db.transaction(() => {
        const sizes = db
          .prepare('SELECT seq, size FROM messages WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?')
          .all(accountId, after, limit) as { seq: number; size: number }[];
        const last = lastSeqWithin(sizes, maxBytes);
        const messages = (
          last === null
            ? []
            : db
                .prepare(
                  `SELECT id, seq, device_id AS "deviceId", size, received_at AS "receivedAt", ciphertext
                   FROM messages WHERE account_id = ? AND seq > ? AND seq <= ? ORDER BY seq`,
                )
                .all(accountId, after, last)
        ) as StoredMessage[];
        const highestSeq = one<{ lastSeq: number }>('SELECT last_seq AS "lastSeq" FROM accounts WHERE id = ?', accountId)?.lastSeq ?? 0;
        return { messages, highestSeq };
      });
      return read.deferred();
    },
    async hit(keys, windowStart) {
      const rows = counters.prepare(SQL.hitRateLimit(keys.length, () => '?')).all(...keys.flatMap((k) => [k, windowStart])) as { key: string; count: number }[];
      const counts = new Map(rows.map((r) => [r.key, r.count]));
      return keys.map((k) => counts.get(k) ?? 0);
    },
    async pruneRateLimits(before) {
      counters.prepare('DELETE FROM rate_limits WHERE window_start < ?').run(before);
    },
  };
  return store;
}

/**
 * Group commit: pushes that arrive in the same turn of the event loop share one transaction and so one fsync,
 * each inside its own savepoint so a failing push rolls back alone. On a disk where an fsync takes milliseconds
 * this is what lets one process serve hundreds of devices with synchronous=FULL.
 */
function groupCommit(db: Database.Database) {
  type Job = { work: () => unknown; resolve: (value: never) => void; reject: (error: unknown) => void };
  let pending: Job[] = [];
  const flush = () => {
    const jobs = pending;
    pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: db.transaction(job.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value as never);
      else job.reject(outcome.error);
    });
  };
  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ work, resolve: resolve as (value: never) => void, reject });
      });
    },
  };
}
