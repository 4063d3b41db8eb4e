/**
 * sync.load_*: 200 simulated devices (100 learners with two devices each) push small batches and pull what is new,
 * over HTTP keep-alive, against a real `npm run server` process for PARLEY_BENCH_SYNC_SECONDS (default 60) per
 * backend. PostgreSQL runs only when DATABASE_URL is set. Each device waits 2–4 s between syncs
 * (PARLEY_BENCH_SYNC_THINK_MS=min-max): a lab syncing about 20 times a minute per machine, far above the app's
 * every-few-minutes background sync, so the server sees ~130 requests/s, each authenticated and rate-counted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { LoginResponse, PullResponse, PushResponse } from '../src-shared/sync/protocol';
import { createTestDatabase, type Backend } from '../tests/server/harness';
import { startServerProcess } from '../tests/server/processes';
import { percentile, round, type Benchmark, type Figure } from './harness';

const DEVICES = 200;
const LEARNERS = DEVICES / 2;
const SECONDS = Number(process.env.PARLEY_BENCH_SYNC_SECONDS ?? 60);
const THINK_MS = (process.env.PARLEY_BENCH_SYNC_THINK_MS ?? '2000-4000').split('-').map(Number) as [number, number];
const ADMIN_PASSWORD = `bench-${randomUUID()}`;

interface Device {
  token: string;
  after: number;
}

interface LoadResult {
  latencies: number[];
  errors: number;
  firstErrors: string[];
  pushed: number;
  pulled: number;
  bytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function json<T>(url: string, init: RequestInit & { token?: string; body?: string }): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body) headers['content-type'] = 'application/json';
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function signInDevices(url: string): Promise<Device[]> {
  const admin = await json<LoginResponse>(`${url}/v1/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD, deviceName: 'bench' }),
  });
  const learners = Array.from({ length: LEARNERS }, (_, i) => ({ username: `bench-${i}`, password: `password-${i}-${randomUUID()}` }));
  const csv = ['name,username,password', ...learners.map((l, i) => `Learner ${i},${l.username},${l.password}`)].join('\n');
  const imported = await json<{ created: unknown[] }>(`${url}/v1/admin/accounts/import`, { method: 'POST', token: admin.accessToken, body: JSON.stringify({ csv }) });
  if (imported.created.length !== LEARNERS) throw new Error('bench accounts were not all created');
  const devices: Device[] = [];
  await inBatches(
    learners.flatMap((l) => [l, l]),
    4,
    async (l) => {
      const session = await json<LoginResponse>(`${url}/v1/auth/login`, { method: 'POST', body: JSON.stringify({ ...l, deviceName: 'bench device' }) });
      devices.push({ token: session.accessToken, after: 0 });
    },
  );
  return devices;
}

async function runDevice(url: string, device: Device, until: number, result: LoadResult) {
  const timed = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    const started = performance.now();
    try {
      const value = await fn();
      result.latencies.push(performance.now() - started);
      return value;
    } catch (error) {
      result.errors += 1;
      if (result.firstErrors.length < 5) result.firstErrors.push(String(error));
      return null;
    }
  };
  await sleep(Math.random() * THINK_MS[1]);
  while (Date.now() < until) {
    const messages = Array.from({ length: 1 + Math.floor(Math.random() * 10) }, () => {
      const size = 100 + Math.floor(Math.random() * 300);
      return { id: randomUUID(), ciphertext: randomBytes(size).toString('base64'), size };
    });
    const pushed = await timed(() => json<PushResponse>(`${url}/v1/sync/push`, { method: 'POST', token: device.token, body: JSON.stringify({ messages }) }));
    if (pushed) {
      result.pushed += messages.length;
      result.bytes += messages.reduce((sum, m) => sum + m.size, 0);
    }
    const page = await timed(() => json<PullResponse>(`${url}/v1/sync/pull?after=${device.after}&limit=500`, { method: 'GET', token: device.token }));
    if (page) {
      device.after = page.nextAfter;
      result.pulled += page.messages.length;
    }
    await sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
  }
}

async function loadBackend(backend: Backend): Promise<LoadResult & { seconds: number }> {
  const database = await createTestDatabase(backend);
  const env: Record<string, string> = {
    ...(database.config.databaseUrl ? { DATABASE_URL: database.config.databaseUrl, PARLEY_PG_POOL: '20' } : { PARLEY_SERVER_DATA: path.dirname(database.config.sqliteFile) }),
    PARLEY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    // Every simulated device shares 127.0.0.1: lift the per-IP and per-account limits (still counted in the database).
    PARLEY_RATE_PER_IP: '10000000',
    PARLEY_RATE_LOGIN_PER_IP: '10000000',
    PARLEY_RATE_PER_ACCOUNT: '10000000',
    LOG_LEVEL: 'warn',
  };
  const server = await startServerProcess(env);
  try {
    const devices = await signInDevices(server.url);
    const result: LoadResult = { latencies: [], errors: 0, firstErrors: [], pushed: 0, pulled: 0, bytes: 0 };
    const started = Date.now();
    await Promise.all(devices.map((device) => runDevice(server.url, device, started + SECONDS * 1000, result)));
    if (result.firstErrors.length > 0) console.error(`sync-load ${backend} errors:`, result.firstErrors);
    return { ...result, seconds: (Date.now() - started) / 1000 };
  } finally {
    await server.stop();
    await database.drop();
  }
}

function loadFigure(backend: Backend, r: LoadResult & { seconds: number }): Figure {
  return {
    name: `sync.load_p99_ms.${backend}`,
    value: round(percentile(r.latencies, 99), 1),
    unit: 'ms',
    n: r.latencies.length,
    target: 300,
    p50_ms: round(percentile(r.latencies, 50), 1),
    devices: DEVICES,
    seconds: round(r.seconds, 1),
    requests_per_s: round(r.latencies.length / r.seconds, 1),
    messages_pushed: r.pushed,
    messages_pulled: r.pulled,
    bytes_pushed: r.bytes,
    errors: r.errors,
    think_ms: THINK_MS.join('-'),
    transport: 'HTTP keep-alive on 127.0.0.1, server in its own process',
  };
}

export const benchmarks: Benchmark[] = [
  {
    figures: ['sync.load_p99_ms.sqlite', 'sync.load_p99_ms.postgres', 'sync.load_errors'],
    async run() {
      const figures: Figure[] = [];
      const errors: Record<string, number> = {};
      const backends: Backend[] = ['sqlite'];
      if (process.env.DATABASE_URL) backends.push('postgres');
      else console.error('sync.load_p99_ms.postgres skipped: DATABASE_URL is not set (eval "$(bash .ci/postgres.sh)" to run it).');
      for (const backend of backends) {
        const result = await loadBackend(backend);
        figures.push(loadFigure(backend, result));
        errors[backend] = result.errors;
      }
      const total = Object.values(errors).reduce((sum, n) => sum + n, 0);
      figures.push({ name: 'sync.load_errors', value: total, unit: 'errors', n: figures.reduce((sum, f) => sum + f.n, 0), target: 0, ...errors });
      return figures;
    },
  },
];
