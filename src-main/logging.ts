import path from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';

export type { Logger };

/**
 * Keys that could hold secrets or the learner's own words. Parley logs channel names, codes and timings only;
 * this list is the safety net if an object slips through.
 */
export const REDACTED_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'value',
  'apiKey',
  'token',
  'secret',
  'secretsKey',
  'authorization',
  'text',
  'content',
  'displayName',
  'input',
];

export function logsDirOf(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

export interface LogFile {
  logger: Logger;
  /** Flushes and closes the file (and pino-roll's timer). */
  close(): Promise<void>;
}

/** Structured logs in `<data>/logs/parley.<n>.log`, rolled daily or at 5 MB, the last 10 kept. */
export async function createLogger(dataDir: string, level = 'info'): Promise<LogFile> {
  const stream = await pinoRoll({
    file: path.join(logsDirOf(dataDir), 'parley'),
    extension: '.log',
    frequency: 'daily',
    size: '5m',
    mkdir: true,
    limit: { count: 10 },
  });
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]), censor: '[redacted]' },
    },
    stream,
  );
  return {
    logger,
    close: () =>
      new Promise<void>((resolve) => {
        logger.flush(() => {
          stream.once('close', () => resolve());
          stream.end();
        });
      }),
  };
}
