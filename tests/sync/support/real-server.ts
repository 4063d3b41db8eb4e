import Database from 'better-sqlite3';
import { ensureAdmin } from '../../../server/bootstrap';
import { buildApp } from '../../../server/app';
import { configFromEnv } from '../../../server/config';
import { openStore } from '../../../server/store/open-store';
import { removeDir, tempDir } from '../../support/test-core';

const ADMIN_PASSWORD = 'admin password for tests';

/** The companion server from server/, in this process on 127.0.0.1 with a temp SQLite folder. */
export async function startRealServer() {
  const dataDir = tempDir('parley-sync-server-');
  const config = {
    ...configFromEnv({ PARLEY_SERVER_DATA: dataDir, PARLEY_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'silent' }),
    passwordCost: { N: 2 ** 14, r: 8, p: 1 },
  };
  const store = await openStore(config);
  const app = await buildApp({ store, config });
  await ensureAdmin(store, config, app.log);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The sync server did not start');
  const url = `http://127.0.0.1:${address.port}`;

  const json = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  let adminToken: string | null = null;

  return {
    url,
    /** Messages and ciphertext bytes the server holds (read from its SQLite file). */
    stats(): { messages: number; storedBytes: number } {
      const db = new Database(config.sqliteFile, { readonly: true });
      try {
        const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
        const table = tables.find((t) => t.includes('message'));
        if (!table) return { messages: 0, storedBytes: 0 };
        const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
        const sizeColumn = columns.find((c) => c === 'size') ?? null;
        const row = db
          .prepare(`SELECT count(*) AS n${sizeColumn ? `, sum("${sizeColumn}") AS bytes` : ''} FROM "${table}"`)
          .get() as { n: number; bytes?: number };
        return { messages: row.n, storedBytes: row.bytes ?? 0 };
      } finally {
        db.close();
      }
    },
    /** Creates a learner account through the admin API. */
    async addUser(username: string, password: string): Promise<void> {
      adminToken ??= String(
        (
          await json('/v1/auth/login', {
            username: config.adminUsername,
            password: ADMIN_PASSWORD,
            deviceName: 'tests',
          })
        ).accessToken,
      );
      await json('/v1/admin/accounts', { username, displayName: username, password }, adminToken);
    },
    async close() {
      await app.close();
      await store.close();
      removeDir(dataDir);
    },
  };
}
