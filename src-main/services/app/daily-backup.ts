import type { OpenedDatabase } from '../../../db/open';
import { listBackups, pruneDailyBackups, takeCompressedBackup } from '../../../db/backups';
import type { Logger } from '../../logging';

const DAY_MS = 24 * 60 * 60 * 1000;
const KEEP = 14;

/**
 * A safety copy once a day (gzipped; the last 14 kept, and one a month before them), taken after launch in the background with SQLite's online backup, so a damaged file
 * can be restored from the recovery screen. Only once the learner has data.
 */
export function scheduleDailyBackup(opened: OpenedDatabase, dir: string, now: () => number, logger: Logger): Promise<unknown> {
  const hasData = (opened.sqlite.prepare('SELECT count(*) FROM profiles').pluck().get() as number) > 0;
  const newest = listBackups(dir).find((b) => b.name.startsWith('parley-daily-'));
  if (!hasData || (newest && now() - newest.createdAt < DAY_MS)) return Promise.resolve();
  return takeCompressedBackup(opened.sqlite, dir, 'daily', now())
    .then(() => pruneDailyBackups(dir, KEEP))
    .catch((error: unknown) => logger.warn({ err: { message: (error as Error).message } }, 'daily backup failed'));
}
