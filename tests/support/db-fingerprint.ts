import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DATABASE_FILE } from '../../src-main/core';

/** A hash of every row of every table, read through a second connection as another process would see it. */
export function dbFingerprint(dataDir: string, where?: { profileId: string; exceptTables?: string[] }): string {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const hash = createHash('sha256');
    // FTS shadow tables hold the same content as their virtual table, partly without rowids: hash the virtual one.
    const list = (db.pragma('table_list') as { schema: string; name: string; type: string; wr: number }[]).filter(
      (t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual') && !t.name.startsWith('sqlite_'),
    );
    const withoutRowid = new Set(list.filter((t) => t.wr).map((t) => t.name));
    const tables = list.map((t) => t.name).sort();
    for (const table of tables) {
      const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      let sql = `SELECT * FROM "${table}"`;
      const params: string[] = [];
      if (where?.exceptTables?.includes(table)) continue;
      if (where) {
        if (columns.includes('profile_id')) sql += ' WHERE profile_id = ?';
        else if (table === 'profiles') sql += ' WHERE id = ?';
        else continue;
        params.push(where.profileId);
      }
      hash.update(table);
      // WITHOUT ROWID tables have no rowid to order by: their rows come in primary-key order.
      const order = withoutRowid.has(table) ? '' : ' ORDER BY rowid';
      for (const row of db.prepare(`${sql}${order}`).all(...params)) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
