import type Database from 'better-sqlite3';
import type { HlcClock } from '../../../db/hlc-clock';
import { formatHlc, parseHlc, tickHlc, type Hlc } from '../../../src-shared/domain/hlc';

/**
 * The HLC clock of the import worker's connection. It ticks like db/hlc-clock.ts but saves the last timestamp
 * once, inside the import's transaction (`persist` before COMMIT), instead of after every row: db/hlc-clock.ts
 * writes the meta row through drizzle on each tick, ~100 µs, which alone would take 10 s for 100k rows. A
 * rolled-back import leaves the saved clock as it was, which is right: none of its timestamps were ever seen.
 */
export function createImportClock(sqlite: Database.Database, now: () => number): HlcClock & { persist(): void } {
  const read = sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const deviceId = read.get('device_id') as string | undefined;
  if (!deviceId) throw new Error('This database has no device id yet; the core creates it at start-up.');
  const stored = read.get('hlc') as string | undefined;
  let last: Hlc = stored ? parseHlc(stored) : { ms: 0, counter: 0, node: deviceId };
  const save = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    deviceId,
    nowMs: now,
    next() {
      last = tickHlc(last, now());
      return formatHlc(last);
    },
    persist() {
      save.run('hlc', formatHlc(last));
    },
  };
}
