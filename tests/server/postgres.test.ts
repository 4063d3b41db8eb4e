import { describe, it } from 'vitest';
import { livekitSuite } from './livekit-suite';
import { serverSuite } from './sync-server-suite';
import { twoProcessesSuite } from './two-processes-suite';

if (process.env.DATABASE_URL) {
  serverSuite('postgres');
  twoProcessesSuite('postgres');
  livekitSuite('postgres');
} else {
  console.log('Skipping the PostgreSQL sync-server suite: DATABASE_URL is not set (see .ci/postgres.sh).');
  describe.skip('sync server on postgres (DATABASE_URL not set)', () => it('runs with DATABASE_URL', () => undefined));
}
