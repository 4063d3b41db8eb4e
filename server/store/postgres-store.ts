import pg from 'pg';
import { accountColumns, schemaSql, sessionAccessSql, SQL } from './schema-sql';
import type { AccountRow, NewAccount, NewSession, RotateResult, SessionAccess, Store, StoredKey, StoredMessage } from './store';

/** BIGINT columns come back as numbers: every value we store (ms times, seqs, byte counts) is a safe integer. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const MIGRATION_LOCK = 7_271_001;
const COUNTER_CONNECTIONS = 4;

type RawAccount = Omit<AccountRow, 'disabled'> & { disabled: number };
type RawSession = Omit<SessionAccess, 'revoked' | 'disabled'> & { revokedAt: number | null; disabled: number };
const toAccount = (row: RawAccount): AccountRow => ({ ...row, disabled: row.disabled === 1 });
const toSession = ({ revokedAt, disabled, ...row }: RawSession): SessionAccess => ({ ...row, revoked: revokedAt !== null, disabled: disabled === 1 });

/**
 * PostgreSQL through a pool. Several server instances may share the database: pushes lock the account row
 * (SELECT ... FOR UPDATE) so each account's seqs are dense and a seq is only visible once all lower ones are.
 */
export async function openPostgresStore(connectionString: string, poolSize = 20): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  pool.on('error', () => undefined);
  await withClient(pool, async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await c.query(schemaSql('postgres'));
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });

  // Rate-limit counters on their own few connections, committed without waiting for the WAL flush: every request
  // updates the same few hot rows, and a counter lost in a crash only forgives a few requests.
  const counters = new pg.Pool({ connectionString, max: COUNTER_CONNECTIONS, types });
  counters.on('error', () => undefined);
  counters.on('connect', (client) => void client.query('SET synchronous_commit TO off').catch(() => undefined));

  const rows = async <T>(sql: string, params: unknown[] = [], client: pg.Pool | pg.PoolClient = pool) =>
    (await client.query(sql, params)).rows as T[];
  const one = async <T>(sql: string, params: unknown[] = [], client: pg.Pool | pg.PoolClient = pool) =>
    (await rows<T>(sql, params, client))[0];
  const tx = <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
    withClient(pool, async (c) => {
      await c.query('BEGIN');
      try {
        const result = await fn(c);
        await c.query('COMMIT');
        return result;
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  const session = async (id: string, client: pg.Pool | pg.PoolClient = pool) => {
    const row = await one<RawSession>(sessionAccessSql('$1'), [id], client);
    return row ? toSession(row) : null;
  };
  const revoke = 'UPDATE sessions SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2';

  const store: Store = {
    kind: 'postgres',
    async close() {
      await Promise.all([pool.end(), counters.end()]);
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async ensureSetting(name, create) {
      await pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, create()]);
      return (await one<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name]))!.value;
    },
    async getSetting(name) {
      return (await one<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name]))?.value ?? null;
    },
    async setSetting(name, value) {
      if (value === null) await pool.query('DELETE FROM settings WHERE name = $1', [name]);
      else await pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
    },
    async countAdmins() {
      return (await one<{ n: number }>("SELECT count(*)::bigint AS n FROM accounts WHERE role = 'admin'"))!.n;
    },
    async createAccount(a: NewAccount) {
      const result = await pool.query(
        `INSERT INTO accounts (id, username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (username) DO NOTHING`,
        [a.id, a.username, a.displayName, a.role, a.passwordHash, a.createdAt],
      );
      return result.rowCount === 1;
    },
    async findAccountByUsername(username) {
      const row = await one<RawAccount>(`SELECT ${accountColumns} FROM accounts WHERE username = $1`, [username]);
      return row ? toAccount(row) : null;
    },
    async getAccount(accountId) {
      const row = await one<RawAccount>(`SELECT ${accountColumns} FROM accounts WHERE id = $1`, [accountId]);
      return row ? toAccount(row) : null;
    },
    async listAccounts(after, limit) {
      return (await rows<RawAccount>(`SELECT ${accountColumns} FROM accounts WHERE username > $1 ORDER BY username LIMIT $2`, [after, limit])).map(
        toAccount,
      );
    },
    async setPasswordHash(accountId, passwordHash) {
      await pool.query('UPDATE accounts SET password_hash = $1 WHERE id = $2', [passwordHash, accountId]);
    },
    async setDisabled(accountId, disabled) {
      await pool.query('UPDATE accounts SET disabled = $1 WHERE id = $2', [disabled ? 1 : 0, accountId]);
    },
    async ensureDevice(accountId, deviceId, newId, name, now) {
      if (deviceId) {
        const updated = await pool.query('UPDATE devices SET name = $1, last_seen_at = $2 WHERE id = $3 AND account_id = $4', [name, now, deviceId, accountId]);
        if (updated.rowCount === 1) return deviceId;
      }
      await pool.query('INSERT INTO devices (id, account_id, name, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)', [newId, accountId, name, now]);
      return newId;
    },
    async createSession(s: NewSession) {
      await tx(async (c) => {
        await c.query('INSERT INTO sessions (id, account_id, device_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
          s.id,
          s.accountId,
          s.deviceId,
          s.createdAt,
          s.expiresAt,
        ]);
        await c.query('INSERT INTO refresh_tokens (hash, session_id, created_at) VALUES ($1, $2, $3)', [s.refreshHash, s.id, s.createdAt]);
      });
    },
    async getSession(sessionId) {
      return session(sessionId);
    },
    async rotateRefresh(oldHash, newHash, now, expiresAt): Promise<RotateResult> {
      return tx(async (c) => {
        const spent = await one<{ sessionId: string }>(
          'UPDATE refresh_tokens SET spent_at = $1 WHERE hash = $2 AND spent_at IS NULL RETURNING session_id AS "sessionId"',
          [now, oldHash],
          c,
        );
        if (!spent) {
          const token = await one<{ sessionId: string }>('SELECT session_id AS "sessionId" FROM refresh_tokens WHERE hash = $1', [oldHash], c);
          if (!token) return { kind: 'unknown' };
          await c.query(revoke, [now, token.sessionId]);
          return { kind: 'reused', sessionId: token.sessionId };
        }
        await c.query('INSERT INTO refresh_tokens (hash, session_id, created_at) VALUES ($1, $2, $3)', [newHash, spent.sessionId, now]);
        await c.query('UPDATE sessions SET expires_at = $1 WHERE id = $2 AND revoked_at IS NULL AND expires_at > $3', [expiresAt, spent.sessionId, now]);
        return { kind: 'rotated', session: (await session(spent.sessionId, c))! };
      });
    },
    async findSessionByRefresh(refreshHash) {
      return (await one<{ id: string }>('SELECT session_id AS id FROM refresh_tokens WHERE hash = $1', [refreshHash]))?.id ?? null;
    },
    async revokeSession(sessionId, now) {
      await pool.query(revoke, [now, sessionId]);
    },
    async revokeAccountSessions(accountId, now, exceptSessionId) {
      await pool.query('UPDATE sessions SET revoked_at = coalesce(revoked_at, $1) WHERE account_id = $2 AND id <> $3', [now, accountId, exceptSessionId ?? '']);
    },
    async getKey(accountId) {
      return (
        (await one<StoredKey>('SELECT version, wrapped_key AS "wrappedKey", kdf, updated_at AS "updatedAt" FROM data_keys WHERE account_id = $1', [
          accountId,
        ])) ?? null
      );
    },
    async putKey(accountId, expectedVersion, wrappedKey, kdf, now) {
      return tx(async (c) => {
        await c.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
        const current = (await one<{ version: number }>('SELECT version FROM data_keys WHERE account_id = $1', [accountId], c))?.version ?? 0;
        if (current !== expectedVersion) return null;
        const version = current + 1;
        await c.query(
          `INSERT INTO data_keys (account_id, version, wrapped_key, kdf, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (account_id) DO UPDATE SET version = excluded.version, wrapped_key = excluded.wrapped_key,
             kdf = excluded.kdf, updated_at = excluded.updated_at`,
          [accountId, version, wrappedKey, kdf, now],
        );
        return { version, wrappedKey, kdf, updatedAt: now };
      });
    },
    async push(accountId, deviceId, messages, now) {
      return tx(async (c) => {
        let seq = (await one<{ lastSeq: number }>('SELECT last_seq AS "lastSeq" FROM accounts WHERE id = $1 FOR UPDATE', [accountId], c))!.lastSeq;
        const known = await rows<{ id: string; seq: number }>('SELECT id, seq FROM messages WHERE account_id = $1 AND id = ANY($2::text[])', [
          accountId,
          messages.map((m) => m.id),
        ], c);
        const seen = new Map(known.map((r) => [r.id, r.seq]));
        const values: unknown[] = [accountId, deviceId, now];
        const tuples: string[] = [];
        let bytes = 0;
        const accepted = messages.map(({ id, ciphertext }) => {
          const stored = seen.get(id);
          if (stored !== undefined) return { id, seq: stored, duplicate: true };
          seq += 1;
          seen.set(id, seq);
          bytes += ciphertext.length;
          const at = values.push(seq, id, ciphertext.length, ciphertext);
          tuples.push(`($1, $${at - 3}, $${at - 2}, $2, $${at - 1}, $3, $${at})`);
          return { id, seq, duplicate: false };
        });
        if (tuples.length > 0) {
          await c.query(`INSERT INTO messages (account_id, seq, id, device_id, size, received_at, ciphertext) VALUES ${tuples.join(', ')}`, values);
          await c.query('UPDATE accounts SET last_seq = $1, stored_bytes = stored_bytes + $2 WHERE id = $3', [seq, bytes, accountId]);
        }
        return { accepted, highestSeq: seq };
      });
    },
    async pull(accountId, after, limit, maxBytes) {
      // One statement, so one snapshot and one round trip: the page (as many messages as fit in maxBytes, at least
      // one) and the account's highest seq, which a push commits together with its messages.
      const found = await rows<StoredMessage & { highestSeq: number; seq: number | null }>(
        `WITH candidates AS (
           SELECT seq, size FROM messages WHERE account_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
         ), page AS (
           SELECT seq, row_number() OVER (ORDER BY seq) AS n, sum(size) OVER (ORDER BY seq) AS running FROM candidates
         ), picked AS (
           SELECT m.id, m.seq, m.device_id, m.size, m.received_at, m.ciphertext
           FROM page p JOIN messages m ON m.account_id = $1 AND m.seq = p.seq
           WHERE p.n = 1 OR p.running <= $4
         )
         SELECT a.last_seq AS "highestSeq", picked.id, picked.seq, picked.device_id AS "deviceId", picked.size,
                picked.received_at AS "receivedAt", picked.ciphertext
         FROM accounts a LEFT JOIN picked ON true WHERE a.id = $1 ORDER BY picked.seq`,
        [accountId, after, limit, maxBytes],
      );
      const messages = found
        .filter((row) => row.seq !== null)
        .map(({ highestSeq: _highest, ...message }) => message as StoredMessage);
      return { messages, highestSeq: found[0]?.highestSeq ?? 0 };
    },
    async hit(keys, windowStart) {
      const result = await rows<{ key: string; count: number }>(
        SQL.hitRateLimit(keys.length, (i) => `$${i}`),
        keys.flatMap((k) => [k, windowStart]),
        counters,
      );
      const counts = new Map(result.map((r) => [r.key, r.count]));
      return keys.map((k) => counts.get(k) ?? 0);
    },
    async pruneRateLimits(before) {
      await counters.query('DELETE FROM rate_limits WHERE window_start < $1', [before]);
    },
  };
  return store;
}

async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}
