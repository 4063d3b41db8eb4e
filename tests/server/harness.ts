import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../../server/app';
import { ensureAdmin } from '../../server/bootstrap';
import { configFromEnv, type RateLimits, type ServerConfig } from '../../server/config';
import { openStore } from '../../server/store/open-store';
import type { Store } from '../../server/store/store';

export type Backend = 'sqlite' | 'postgres';

/** A database for one test file: a temp SQLite file, or a fresh schema in the PostgreSQL of DATABASE_URL. */
export interface TestDatabase {
  config: Pick<ServerConfig, 'databaseUrl' | 'sqliteFile' | 'pgPoolSize'>;
  drop(): Promise<void>;
}

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-sync-test-'));
    return { config: { databaseUrl: null, sqliteFile: path.join(dir, 'sync.db'), pgPoolSize: 5 }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.DATABASE_URL!;
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    config: { databaseUrl: url.toString(), sqliteFile: '', pgPoolSize: 10 },
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' };

export interface Instance {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** Everything every instance of a test logged, one JSON line each: checked for secrets at the end. */
export class LogSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString('utf8');
    done();
  }
}

export interface StartOptions {
  database: TestDatabase;
  clock: { now: number };
  logs: LogSink;
  rateLimits?: Partial<RateLimits>;
  adminPassword?: string | null;
  /** LiveKit token settings (the server's LIVEKIT_* variables); none by default. */
  livekit?: ServerConfig['livekit'];
}

/** One server instance on a random loopback port, with its own connection to the shared database. */
export async function startInstance({ database, clock, logs, rateLimits, adminPassword = ADMIN.password, livekit = null }: StartOptions): Promise<Instance> {
  const defaults = configFromEnv({});
  const config: ServerConfig = {
    ...defaults,
    ...database.config,
    adminUsername: ADMIN.username,
    adminPassword,
    passwordCost: { N: 1024, r: 8, p: 1 },
    rateLimits: { ...defaults.rateLimits, ...rateLimits },
    logLevel: 'info',
    livekit,
  };
  const store = await openStore(config);
  const app = await buildApp({ store, config, logStream: logs, now: () => clock.now });
  await ensureAdmin(store, config, app.log);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON call; `token` becomes the bearer header. */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; raw?: string; contentType?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(base + route, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

export interface InstancePair {
  database: TestDatabase;
  a: Instance;
  b: Instance;
  /** Closes both instances and drops the database. */
  close(): Promise<void>;
}

/**
 * Two instances (A and B) on one fresh database, so a test that talks to both also checks the server keeps no state
 * of its own. Only A gets `livekitOnA`.
 */
export async function startInstancePair(
  backend: Backend,
  { livekitOnA = null, ...options }: Omit<StartOptions, 'database' | 'livekit'> & { livekitOnA?: ServerConfig['livekit'] },
): Promise<InstancePair> {
  const database = await createTestDatabase(backend);
  const started: Instance[] = [];
  const close = async () => {
    for (const instance of started) await instance.close();
    await database.drop();
  };
  try {
    started.push(await startInstance({ ...options, database, livekit: livekitOnA }));
    started.push(await startInstance({ ...options, database }));
  } catch (error) {
    await close();
    throw error;
  }
  return { database, a: started[0]!, b: started[1]!, close };
}
