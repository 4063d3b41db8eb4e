import { ensureAdmin } from '../../../server/bootstrap';
import { buildApp } from '../../../server/app';
import { configFromEnv } from '../../../server/config';
import { openStore } from '../../../server/store/open-store';
import { removeDir, tempDir } from '../../support/test-core';
import { serverHelpers } from './server-helpers';

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

  return {
    url,
    ...serverHelpers({ url, sqliteFile: config.sqliteFile, adminUsername: config.adminUsername, adminPassword: ADMIN_PASSWORD }),
    async close() {
      await app.close();
      await store.close();
      removeDir(dataDir);
    },
  };
}
