import path from 'node:path';
import { limits } from '../src-shared/sync/protocol';
import { defaultPasswordCost, type PasswordCost } from './auth/passwords';

export interface RateLimits {
  windowMs: number;
  /** Login, refresh, logout and setup attempts per client IP. */
  loginPerIp: number;
  /** Login attempts per username, whatever the IP (password guessing spread over many addresses). */
  loginPerUser: number;
  /** Every authenticated request per account. */
  apiPerAccount: number;
  /** Every request per client IP (a school NAT puts a whole class behind one address: keep it generous). */
  apiPerIp: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** SQLite file, used when databaseUrl is empty. */
  sqliteFile: string;
  databaseUrl: string | null;
  pgPoolSize: number;
  adminUsername: string;
  adminPassword: string | null;
  /** Fastify trustProxy: true, a hop count, or the proxy's addresses; needed for per-IP limits behind a proxy. */
  trustProxy: boolean | number | string;
  bodyLimit: number;
  passwordCost: PasswordCost;
  rateLimits: RateLimits;
  logLevel: string;
  /** LiveKit room tokens for signed-in devices (routes/livekit.ts); null: the server offers none. */
  livekit: LivekitConfig | null;
}

export interface LivekitConfig {
  /** The LiveKit server devices connect to (wss://…), sent to them with the tokens. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

export const defaultRateLimits: RateLimits = { windowMs: 60_000, loginPerIp: 20, loginPerUser: 10, apiPerAccount: 600, apiPerIp: 3000 };

const int = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isSafeInteger(parsed) && parsed > 0 ? parsed : fallback;
};

function trustProxy(value: string | undefined): boolean | number | string {
  if (!value) return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Reads the environment variables documented in docs/sync-server.md. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = path.resolve(env.PARLEY_SERVER_DATA ?? 'server-data');
  return {
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT === '0' ? 0 : int(env.PORT, 8787),
    sqliteFile: path.join(dataDir, 'parley-sync.db'),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    pgPoolSize: int(env.PARLEY_PG_POOL, 20),
    adminUsername: env.PARLEY_ADMIN_USERNAME ?? 'admin',
    adminPassword: env.PARLEY_ADMIN_PASSWORD || null,
    trustProxy: trustProxy(env.PARLEY_TRUST_PROXY),
    bodyLimit: limits.bodyBytes,
    passwordCost: defaultPasswordCost,
    rateLimits: {
      windowMs: defaultRateLimits.windowMs,
      loginPerIp: int(env.PARLEY_RATE_LOGIN_PER_IP, defaultRateLimits.loginPerIp),
      loginPerUser: int(env.PARLEY_RATE_LOGIN_PER_USER, defaultRateLimits.loginPerUser),
      apiPerAccount: int(env.PARLEY_RATE_PER_ACCOUNT, defaultRateLimits.apiPerAccount),
      apiPerIp: int(env.PARLEY_RATE_PER_IP, defaultRateLimits.apiPerIp),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    livekit: livekitFromEnv(env),
  };
}

/**
 * LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET turn LiveKit tokens on; none of them leaves it off. Some but
 * not all, or an address that is not ws(s):// or http(s)://, stops the server with a message naming the problem.
 */
export function livekitFromEnv(env: NodeJS.ProcessEnv): LivekitConfig | null {
  const url = env.LIVEKIT_URL?.trim() ?? '';
  const apiKey = env.LIVEKIT_API_KEY?.trim() ?? '';
  const apiSecret = env.LIVEKIT_API_SECRET?.trim() ?? '';
  if (!url && !apiKey && !apiSecret) return null;
  const missing = Object.entries({ LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length) throw new Error(`LiveKit tokens need LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET; ${missing.join(' and ')} missing.`);
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = '';
  }
  if (!['wss:', 'ws:', 'https:', 'http:'].includes(protocol)) throw new Error('LIVEKIT_URL must be a wss:// (or ws://, https://, http://) address.');
  return { url, apiKey, apiSecret };
}
