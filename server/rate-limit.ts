import type { RateLimits } from './config';
import { HttpError } from './errors';
import type { Store } from './store/store';

export interface Limit {
  key: string;
  max: number;
}

/**
 * Fixed windows counted in the database, so every instance behind a load balancer sees the same counts. One
 * statement counts all the keys of a request; any key over its maximum refuses it with 429 and Retry-After.
 */
export async function enforce(store: Store, config: RateLimits, now: number, checks: Limit[]): Promise<void> {
  const unique = [...new Map(checks.map((c) => [c.key, c])).values()];
  const windowStart = now - (now % config.windowMs);
  const counts = await store.hit(
    unique.map((c) => c.key),
    windowStart,
  );
  if (unique.some((check, i) => counts[i]! > check.max)) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + config.windowMs - now) / 1000));
    throw new HttpError('rate_limited', 'Too many requests: try again later.', retryAfterSeconds);
  }
}

export const limitsFor = (config: RateLimits) => ({
  ip: (ip: string): Limit => ({ key: `ip:${ip}`, max: config.apiPerIp }),
  account: (accountId: string): Limit => ({ key: `account:${accountId}`, max: config.apiPerAccount }),
  loginIp: (ip: string): Limit => ({ key: `login-ip:${ip}`, max: config.loginPerIp }),
  loginUser: (username: string): Limit => ({ key: `login-user:${username}`, max: config.loginPerUser }),
});
