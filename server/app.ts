import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { ServerConfig } from './config';
import { tokenSecret } from './bootstrap';
import { createContext } from './context';
import { HttpError } from './errors';
import { registerAdminRoutes } from './routes/admin';
import { registerAuthRoutes } from './routes/auth';
import { registerLivekitRoutes } from './routes/livekit';
import { registerSetupRoutes } from './routes/setup';
import { registerSyncRoutes } from './routes/sync';
import type { Store } from './store/store';

export interface AppOptions {
  store: Store;
  config: ServerConfig;
  /** Where the JSON log lines go (stdout by default); tests read them back to check no secret is there. */
  logStream?: DestinationStream;
  now?: () => number;
}

/** Logs name requests by method, path and status only: no header, body, token or ciphertext is ever written. */
export function createLogger(level: string, stream?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'parley-sync' },
    redact: { paths: ['req.headers', 'headers', 'password', 'refreshToken', 'accessToken', 'ciphertext'], censor: '[redacted]' },
  };
  return stream ? pino(options, stream) : pino(options);
}

export async function buildApp({ store, config, logStream, now = Date.now }: AppOptions): Promise<FastifyInstance> {
  const logger = createLogger(config.logLevel, logStream);
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy as boolean | string,
    return503OnClosing: true,
  });
  app.removeContentTypeParser('text/plain');
  const ctx = createContext(store, config, await tokenSecret(store), now);

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const known = error instanceof HttpError ? error : fromFastify(error);
    if (!known) {
      request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'request failed');
      return reply.code(500).send(new HttpError('internal', 'The server failed; try again later.').body());
    }
    if (known.retryAfterSeconds !== undefined) reply.header('Retry-After', String(known.retryAfterSeconds));
    return reply.code(known.status).send(known.body());
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(new HttpError('not_found', 'No such endpoint.').body()));

  registerSetupRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerLivekitRoutes(app, ctx);
  return app;
}

/** Fastify's own refusals (body too large, not JSON, wrong content type) in the protocol's error shape. */
function fromFastify(error: FastifyError): HttpError | null {
  switch (error.statusCode) {
    case 413:
      return new HttpError('payload_too_large', 'The request body is too large.');
    case 415:
      return new HttpError('unsupported_media_type', 'Send JSON (Content-Type: application/json).');
    case 400:
      return new HttpError('bad_request', error.code?.startsWith('FST_ERR_CTP') ? 'The body is not valid JSON.' : 'Bad request.');
    default:
      return null;
  }
}
