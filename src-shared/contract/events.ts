import { z } from 'zod';
import { defineEvent } from './define';

export const jobProgress = defineEvent(
  'jobs:progress',
  z.object({ jobId: z.string(), done: z.number(), total: z.number(), phase: z.string() }),
);

/** Sent to a session whose profile was signed out from elsewhere (deleted, reset by an admin) or left idle. */
export const sessionSignedOut = defineEvent(
  'session:signedOut',
  z.object({ reason: z.enum(['deleted', 'reset', 'idle']) }),
);

export const events = { [jobProgress.name]: jobProgress, [sessionSignedOut.name]: sessionSignedOut } as const;
export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]['payload']>;
export const eventNames = Object.keys(events) as EventName[];
