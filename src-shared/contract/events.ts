import { z } from 'zod';
import { defineEvent } from './define';
import { correction } from '../domain/corrections';
import { roomState, voiceTurn } from '../domain/voice';

export const jobProgress = defineEvent(
  'jobs:progress',
  z.object({ jobId: z.string(), done: z.number(), total: z.number(), phase: z.string() }),
);

/** Sent to a session whose profile was signed out from elsewhere (deleted, reset by an admin) or left idle. */
export const sessionSignedOut = defineEvent(
  'session:signedOut',
  z.object({ reason: z.enum(['deleted', 'reset', 'idle']) }),
);

/** A piece of a tutor reply as it streams, to the sessions signed in to the conversation's profile. */
export const tutorDelta = defineEvent(
  'tutor:delta',
  z.object({ conversationId: z.string(), messageId: z.string(), seq: z.number().int(), text: z.string() }),
);

/** A tutor reply stopped streaming: `text` is everything stored for it. */
export const tutorDone = defineEvent(
  'tutor:done',
  z.object({
    conversationId: z.string(),
    messageId: z.string(),
    status: z.enum(['complete', 'incomplete', 'error']),
    text: z.string(),
    stopped: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  }),
);

/** The analysis of a learner message arrived (or failed). */
export const tutorCorrection = defineEvent(
  'tutor:correction',
  z.object({
    conversationId: z.string(),
    messageId: z.string(),
    status: z.enum(['done', 'failed']),
    corrections: z.array(correction),
  }),
);

/** The tutor judged the scenario's goal reached. */
export const tutorGoalReached = defineEvent(
  'tutor:goalReached',
  z.object({ conversationId: z.string(), messageId: z.string(), scenarioId: z.string() }),
);

/** Spoken audio of a tutor reply, one sentence at a time, in order (`seq`); `last` ends the turn's audio. */
export const voiceAudio = defineEvent(
  'voice:audio',
  z.object({
    turnId: z.string(),
    seq: z.number().int(),
    sentence: z.string(),
    /** e.g. audio/wav, audio/mpeg; null with `last` when nothing more comes. */
    mime: z.string().nullable(),
    /** base64; null when text-to-speech failed or there is no provider (the renderer speaks `sentence`). */
    audio: z.string().nullable(),
    last: z.boolean(),
  }),
);

/** A mark on a voice turn's timeline, or its fluency, as it happens. */
export const voiceTurnUpdate = defineEvent(
  'voice:turnUpdate',
  z.object({ turn: voiceTurn }),
);

/** The LiveKit room's state changed. */
export const voiceRoom = defineEvent(
  'voice:room',
  z.object({ state: roomState, room: z.string().nullable(), problem: z.string().nullable() }),
);

export const events = { [jobProgress.name]: jobProgress, [sessionSignedOut.name]: sessionSignedOut, [tutorDelta.name]: tutorDelta, [tutorDone.name]: tutorDone, [tutorCorrection.name]: tutorCorrection, [tutorGoalReached.name]: tutorGoalReached, [voiceAudio.name]: voiceAudio, [voiceTurnUpdate.name]: voiceTurnUpdate, [voiceRoom.name]: voiceRoom } as const;
export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]['payload']>;
export const eventNames = Object.keys(events) as EventName[];
