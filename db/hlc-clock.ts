import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../src-shared/domain/hlc';
import type { Db } from './open';
import { meta } from './schema';

export interface HlcClock {
  readonly deviceId: string;
  /** The next HLC timestamp, persisted so it never goes backwards across restarts. */
  next(): string;
  nowMs(): number;
}

/** The core's clock, which sync also moves past timestamps received from other devices. */
export interface ReceivingHlcClock extends HlcClock {
  /** Later local writes order after `remote`. */
  receive(remote: string): void;
}

export function readOrCreateDeviceId(db: Db): string {
  const row = db.select().from(meta).where(eq(meta.key, 'device_id')).get();
  if (row) return row.value;
  const deviceId = uuidv7();
  db.insert(meta).values({ key: 'device_id', value: deviceId }).run();
  return deviceId;
}

export function createHlcClock(db: Db, now: () => number): ReceivingHlcClock {
  const deviceId = readOrCreateDeviceId(db);
  const stored = db.select().from(meta).where(eq(meta.key, 'hlc')).get();
  let last: Hlc = stored ? parseHlc(stored.value) : { ms: 0, counter: 0, node: deviceId };
  // Prepared once: every synced write ticks the clock, and a drizzle upsert per tick cost more than the write.
  const save = db.$client.prepare(`INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  return {
    deviceId,
    nowMs: now,
    next() {
      last = tickHlc(last, now());
      const value = formatHlc(last);
      save.run(value);
      return value;
    },
    receive(remote) {
      last = receiveHlc(last, parseHlc(remote), now());
      save.run(formatHlc(last));
    },
  };
}
