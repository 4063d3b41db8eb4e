import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_WEB_PORT } from '../../src-shared/web-protocol';

export interface WebCliOptions {
  port: number;
  host: string;
  dataDir: string;
}

const portSchema = z.coerce.number().int().min(0).max(65535);

/** The same folder Electron's `userData` uses, so both shells open one learner's data. */
export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Parley');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Parley');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Parley');
}

/** `--port`/PARLEY_PORT, `--data-dir`/PARLEY_DATA_DIR; `--host` only as a flag, never from the environment. */
export function parseWebCliOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): WebCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const port = portSchema.safeParse(values.port ?? env.PARLEY_PORT ?? DEFAULT_WEB_PORT);
  if (!port.success) throw new Error(`--port must be a number from 0 to 65535, not "${values.port ?? env.PARLEY_PORT}"`);
  const dataDir = values['data-dir'] ?? env.PARLEY_DATA_DIR ?? defaultDataDir();
  return { port: port.data, host: values.host ?? '127.0.0.1', dataDir: path.resolve(dataDir) };
}
