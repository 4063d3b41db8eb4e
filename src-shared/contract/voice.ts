import { z } from 'zod';
import { defineContract } from './define';
import { id } from '../domain/text';
import { guestName, roomInvitation } from '../domain/livekit-room';
import {
  fluencyMetrics,
  livekitSettingsInput,
  roomState,
  shadowWord,
  speechProviderInput,
  turnTimeline,
  voiceConfig,
  voiceTurn,
} from '../domain/voice';

/**
 * Voice practice. Audio from the renderer is 16 kHz mono 16-bit little-endian PCM, base64 (`pcm16`): at most
 * 60 s a turn. Audio to the renderer comes as `voice:audio` events (see events.ts).
 */
const configQueries = ['voice:getConfig', 'voice:status', 'secrets:status'];
export const MAX_TURN_SECONDS = 60;
const pcm16 = z
  .string()
  .max(Math.ceil((MAX_TURN_SECONDS * 16_000 * 2 * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 PCM');
const speechSlot = z.enum(['stt', 'tts']);

export const voiceGetConfig = defineContract({
  channel: 'voice:getConfig',
  input: z.strictObject({}),
  output: z.object({ config: voiceConfig, defaultEndOfTurnSilenceMs: z.number().int() }),
});

export const voiceSaveConfig = defineContract({
  channel: 'voice:saveConfig',
  input: z.strictObject({
    stt: speechProviderInput.nullable(),
    tts: speechProviderInput.nullable(),
    endOfTurnSilenceMs: z.number().int().min(300).max(5000).nullable(),
    pushToTalk: z.boolean(),
    keepLearnerAudio: z.boolean(),
    inputDeviceId: z.string().max(500).nullable(),
    /** Absent: the LiveKit settings stay as they are. */
    livekit: livekitSettingsInput.optional(),
  }),
  output: z.object({ config: voiceConfig }),
  invalidates: configQueries,
});

export const voiceTestConnection = defineContract({
  channel: 'voice:testConnection',
  input: z.strictObject({ slot: speechSlot, provider: speechProviderInput.optional() }),
  output: z.object({ ok: z.boolean(), latencyMs: z.number().int(), problem: z.string().nullable() }),
});

export const voiceStatus = defineContract({
  channel: 'voice:status',
  input: z.strictObject({}),
  output: z.object({
    /** No speech-to-text: push-to-talk with a typed fallback. */
    stt: z.boolean(),
    /** No text-to-speech provider: the renderer speaks (system voices, else the bundled synthesiser). */
    tts: z.boolean(),
    tutor: z.boolean(),
  }),
});

/** One learner turn: transcribe, analyse, reply (streamed as tutor:delta) and speak (voice:audio events). */
export const voiceTurnStart = defineContract({
  channel: 'voice:turn',
  input: z.strictObject({
    conversationId: id,
    /** A UUIDv7 from the renderer: sending it again never makes a second turn. */
    turnId: id,
    audio: pcm16,
    speechEndedAt: z.number(),
    /** Typed instead of spoken (no speech-to-text provider): `audio` may then be empty. */
    typedText: z.string().trim().max(4000).nullable().default(null),
  }),
  output: voiceTurn,
  invalidates: ['tutor:list', 'tutor:open'],
});

/** Barge-in or hang-up: stop the reply and every pending speech request of this turn. */
export const voiceCancel = defineContract({
  channel: 'voice:cancel',
  input: z.strictObject({ turnId: id, at: z.number() }),
  output: z.object({ cancelled: z.boolean() }),
});

/** The renderer started playing the first audio of a turn (completes the timeline). */
export const voicePlayed = defineContract({
  channel: 'voice:played',
  input: z.strictObject({ turnId: id, firstAudioPlayedAt: z.number() }),
  output: z.object({ timeline: turnTimeline }),
});

export const voiceTurns = defineContract({
  channel: 'voice:turns',
  input: z.strictObject({ conversationId: id }),
  output: z.object({ turns: z.array(voiceTurn), session: fluencyMetrics.nullable() }),
});

/** Speak a text with the text-to-speech provider; `audio` null when there is none (the renderer speaks). */
export const voiceSpeak = defineContract({
  channel: 'voice:speak',
  input: z.strictObject({
    text: z.string().trim().min(1).max(2000),
    language: z.string().max(20).nullable().default(null),
  }),
  output: z.object({ mime: z.string().nullable(), audio: z.string().nullable() }),
});

/** A shadowing attempt: the learner read `sentence` aloud. */
export const voiceShadow = defineContract({
  channel: 'voice:shadow',
  input: z.strictObject({ sentence: z.string().trim().min(1).max(500), audio: pcm16 }),
  output: z.object({
    transcript: z.string(),
    words: z.array(shadowWord),
    score: z.number(),
    fluency: fluencyMetrics.nullable(),
  }),
});

export const voiceRoomJoin = defineContract({
  channel: 'voice:roomJoin',
  input: z.strictObject({ conversationId: id }),
  output: z.object({
    url: z.string(),
    token: z.string(),
    room: z.string(),
    identity: z.string(),
    expiresAt: z.number(),
  }),
});

export const voiceRoomLeave = defineContract({
  channel: 'voice:roomLeave',
  input: z.strictObject({ room: z.string().max(200) }),
  output: z.object({ left: z.boolean() }),
});

/** An invitation for a teacher or partner to the room the learner is in (see domain/livekit-room.ts). */
export const voiceRoomInvite = defineContract({
  channel: 'voice:roomInvite',
  input: z.strictObject({ room: z.string().max(200), name: guestName }),
  output: roomInvitation,
});

export const voiceRoomStatus = defineContract({
  channel: 'voice:roomStatus',
  input: z.strictObject({}),
  output: z.object({ state: roomState, room: z.string().nullable(), problem: z.string().nullable() }),
});

export const voiceContract = [
  voiceGetConfig,
  voiceSaveConfig,
  voiceTestConnection,
  voiceStatus,
  voiceTurnStart,
  voiceCancel,
  voicePlayed,
  voiceTurns,
  voiceSpeak,
  voiceShadow,
  voiceRoomJoin,
  voiceRoomLeave,
  voiceRoomStatus,
  voiceRoomInvite,
] as const;
