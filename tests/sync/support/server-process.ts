import { spawn } from 'node:child_process';
import path from 'node:path';
import { serverHelpers } from './server-helpers';
import { removeDir, tempDir } from '../../support/test-core';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ADMIN_PASSWORD = 'admin password for tests';

/**
 * The companion server as `npm run server` starts it, in its own process on 127.0.0.1 with a temp SQLite folder:
 * as a school runs it, on other cores than the app's (the in-process server of real-server.ts shares the app's
 * event loop, which no real deployment does).
 */
export async function startServerProcess() {
  const dataDir = tempDir('parley-sync-server-');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PARLEY_SERVER_DATA: dataDir, PARLEY_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening at (http:\/\/[^\s]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`The sync server exited (${code}) before listening: ${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    ...serverHelpers({ url, sqliteFile: path.join(dataDir, 'parley-sync.db'), adminUsername: 'admin', adminPassword: ADMIN_PASSWORD }),
    async close() {
      child.kill('SIGTERM');
      await exited;
      removeDir(dataDir);
    },
  };
}
