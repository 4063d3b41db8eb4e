import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Migration {
  /** 1-based: the database's `user_version` after this migration ran. */
  version: number;
  tag: string;
  statements: string[];
  hash: string;
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** Reads drizzle-kit's journal and SQL files. The files are generated and never edited once shipped. */
export function readMigrations(dir: string): Migration[] {
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .slice()
    .sort((a, b) => a.idx - b.idx)
    .map((entry, i) => {
      if (entry.idx !== i) throw new Error(`Migration journal has a gap before ${entry.tag}`);
      const sqlText = readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      return {
        version: i + 1,
        tag: entry.tag,
        statements: sqlText
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
        hash: createHash('sha256').update(sqlText).digest('hex'),
      };
    });
}
