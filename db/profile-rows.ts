import type Database from 'better-sqlite3';

/** Tables with a `profile_id` column: the rows a learner owns. Read from the live schema, so new tables count too. */
export function profileOwnedTables(sqlite: Database.Database): string[] {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return tables.filter((table) =>
    (sqlite.pragma(`table_info("${table}")`) as { name: string }[]).some((c) => c.name === 'profile_id'),
  );
}

/** Every row that belongs to a profile, its own `profiles` row included. */
export function countProfileRows(sqlite: Database.Database, profileId: string): number {
  let total = (sqlite.prepare('SELECT count(*) FROM profiles WHERE id = ?').pluck().get(profileId) as number) ?? 0;
  for (const table of profileOwnedTables(sqlite)) {
    total += sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE profile_id = ?`).pluck().get(profileId) as number;
  }
  return total;
}
