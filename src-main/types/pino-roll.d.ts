declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  interface PinoRollOptions {
    file: string | (() => string);
    size?: number | string;
    frequency?: number | 'daily' | 'hourly' | 'custom';
    extension?: string;
    mkdir?: boolean;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<DestinationStream & import("node:events").EventEmitter & { end(): void; flushSync?(): void }>;
}
