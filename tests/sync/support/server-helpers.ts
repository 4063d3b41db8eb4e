import Database from 'better-sqlite3';

/** What tests and benches do with a running companion server: add learner accounts, count what it stores. */
export function serverHelpers(options: { url: string; sqliteFile: string; adminUsername: string; adminPassword: string }) {
  const json = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(options.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  let adminToken: string | null = null;

  return {
    /** Messages and ciphertext bytes the server holds (read from its SQLite file). */
    stats(): { messages: number; storedBytes: number } {
      const db = new Database(options.sqliteFile, { readonly: true });
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
            username: options.adminUsername,
            password: options.adminPassword,
            deviceName: 'tests',
          })
        ).accessToken,
      );
      await json('/v1/admin/accounts', { username, displayName: username, password }, adminToken);
    },
  };
}
