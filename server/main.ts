/**
 * `npm run server`: the Parley companion sync server. Configuration comes from the environment (see
 * docs/sync-server.md); plain HTTP, meant to sit behind a TLS reverse proxy.
 */
import { buildApp } from './app';
import { ensureAdmin } from './bootstrap';
import { configFromEnv } from './config';
import { openStore } from './store/open-store';

const RATE_LIMIT_PRUNE_MS = 5 * 60_000;

const config = configFromEnv();
const store = await openStore(config);
const app = await buildApp({ store, config });
const setupCode = await ensureAdmin(store, config, app.log);
if (setupCode) {
  process.stdout.write(
    `\nNo administrator yet. One-time setup code: ${setupCode}\n` +
      `Create the administrator with POST /v1/setup {"setupCode","username","password"} (see docs/sync-server.md).\n\n`,
  );
}

const prune = setInterval(() => {
  store.pruneRateLimits(Date.now() - 2 * config.rateLimits.windowMs).catch((error: unknown) => app.log.warn({ err: String(error) }, 'pruning rate limits failed'));
}, RATE_LIMIT_PRUNE_MS);
prune.unref();

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const address = await app.listen({ host: config.host, port: config.port });
app.log.info({ event: 'ready', backend: store.kind }, 'parley sync server ready');
process.stdout.write(`Parley sync server (${store.kind}) listening at ${address}\n`);
