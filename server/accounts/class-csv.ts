import Papa from 'papaparse';
import { displayName, limits, password, username, type importRowError } from '../../src-shared/sync/protocol';
import type { z } from 'zod';

export interface ClassRow {
  line: number;
  displayName: string;
  username: string;
  password: string;
}
export type RowError = z.infer<typeof importRowError>;

const HEADER = ['name', 'username', 'password'];
const isHeader = (row: string[]) => row.length >= 3 && row.slice(0, 3).map((c) => c.trim().toLowerCase().replace(/^initial\s+/, '')).join() === HEADER.join();

/**
 * A class list as a teacher exports it from a spreadsheet: name, username, initial password (header optional,
 * comma / semicolon / tab detected). Good rows and bad rows come back separately so one typo does not block a class.
 */
export function readClassCsv(text: string): { rows: ClassRow[]; errors: RowError[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const records = parsed.data;
  const rows: ClassRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  let line = 0;
  for (const [index, record] of records.entries()) {
    line = index + 1;
    if (index === 0 && isHeader(record)) continue;
    if (rows.length + errors.length >= limits.importRows) {
      errors.push({ line, code: 'too_many_rows', message: `Only ${limits.importRows} rows per import: split the file.` });
      break;
    }
    const [name = '', user = '', pass = ''] = record.map((c) => c.trim());
    const lower = user.toLowerCase();
    const fail = (code: RowError['code'], message: string) => errors.push({ line, ...(user ? { username: lower } : {}), code, message });
    if (!name || !user || !pass) fail('missing_field', 'Each row needs a name, a username and a password.');
    else if (!displayName.safeParse(name).success) fail('bad_name', 'The name is longer than 100 characters.');
    else if (!username.safeParse(lower).success) fail('bad_username', 'Usernames use letters, digits, dot, dash or underscore (64 at most).');
    else if (!password.safeParse(pass).success) fail('bad_password', 'Passwords need 8 to 256 characters.');
    else if (seen.has(lower)) fail('duplicate_in_file', 'This username appears earlier in the file.');
    else {
      seen.add(lower);
      rows.push({ line, displayName: name, username: lower, password: pass });
    }
  }
  return { rows, errors };
}
