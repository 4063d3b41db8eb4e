import { z } from 'zod';
import { languageCode } from './languages';

/**
 * Voice practice: the shapes shared by the renderer (capture, playback) and the core (speech-to-text → tutor →
 * text-to-speech). Times are epoch milliseconds (Date.now() / performance.timeOrigin + performance.now()), so
 * marks taken in the renderer and in the main process share one clock.
 */

/** One speech provider (an OpenAI-compatible `/v1/audio/transcriptions` or `/v1/audio/speech`). */
export const speechProviderKind = z.enum(['openai', 'speaches', 'whisper-cpp', 'localai', 'kokoro', 'custom']);
export type SpeechProviderKind = z.infer<typeof speechProviderKind>;

/**
 * Text-to-speech: the server's voice for a language that should not use the default voice, e.g.
 * `{ es: 'ef_dora', fr: 'ff_siwis' }` (ISO 639-1 codes; a language left out speaks with the default voice).
 */
export const voicesByLanguage = z.partialRecord(languageCode, z.string().trim().min(1).max(100));
export type VoicesByLanguage = z.infer<typeof voicesByLanguage>;

export const speechProvider = z.object({
  kind: speechProviderKind,
  baseUrl: z.string().url().max(500),
  model: z.string().trim().min(1).max(200),
  /** Text-to-speech only: the server's voice name (the default voice). */
  voice: z.string().trim().max(100).nullable(),
  /** Text-to-speech only: a voice per language, used instead of `voice` when speaking that language. */
  voicesByLanguage: voicesByLanguage.default({}),
  /** Whether a key is stored in the key store for this slot (the key itself never leaves the core). */
  hasKey: z.boolean(),
});
export type SpeechProvider = z.infer<typeof speechProvider>;

export const speechProviderInput = speechProvider.omit({ hasKey: true }).extend({
  /** A new key to store; null keeps the stored one; '' removes it. */
  apiKey: z.string().max(500).nullable().default(null),
});

/**
 * The voice a text-to-speech server speaks `language` with (an ISO 639-1 code or a BCP 47 tag such as `pt-BR`):
 * the language's own voice when one is set, else the default voice.
 */
export function voiceForLanguage(
  provider: { voice: string | null; voicesByLanguage?: VoicesByLanguage },
  language: string | null,
): string | null {
  const primary = language?.toLowerCase().split(/[-_]/)[0] ?? '';
  const own = (provider.voicesByLanguage as Record<string, string | undefined> | undefined)?.[primary];
  return own ?? provider.voice;
}

/** Where LiveKit tokens come from: off, minted here from a URL + API key/secret, or the school's server. */
export const livekitSource = z.enum(['off', 'direct', 'school']);
export const livekitSettings = z.object({
  source: livekitSource,
  url: z.string().url().max(500).nullable(),
  apiKey: z.string().trim().max(200).nullable(),
  /** Whether the API secret is in the key store (the secret never leaves the core). */
  hasSecret: z.boolean(),
});
export type LivekitSettings = z.infer<typeof livekitSettings>;
export const livekitSettingsInput = livekitSettings.omit({ hasSecret: true }).extend({
  /** A new secret to store; null keeps the stored one; '' removes it. */
  apiSecret: z.string().max(500).nullable().default(null),
});

/** End-of-turn silence by CEFR level when the learner has not set one: beginners pause longer inside sentences. */
export const END_OF_TURN_SILENCE_MS = { A1: 1600, A2: 1400, B1: 1200, B2: 1000, C1: 900, C2: 800 } as const;

export const voiceConfig = z.object({
  stt: speechProvider.nullable(),
  tts: speechProvider.nullable(),
  /** Silence that ends a learner's turn; by default from the CEFR level (longer for beginners). */
  endOfTurnSilenceMs: z.number().int().min(300).max(5000).nullable(),
  pushToTalk: z.boolean(),
  /** Keep the audio of the learner's turns (off by default). */
  keepLearnerAudio: z.boolean(),
  inputDeviceId: z.string().max(500).nullable(),
  livekit: livekitSettings,
});
export type VoiceConfig = z.infer<typeof voiceConfig>;

/** Fluency of one learner turn, computed from its PCM and transcript. */
export const fluencyMetrics = z.object({
  durationMs: z.number(),
  /** Time speaking, pauses of 250 ms or more excluded. */
  phonationMs: z.number(),
  words: z.number().int(),
  syllables: z.number().int(),
  wordsPerMinute: z.number(),
  syllablesPerSecond: z.number(),
  /** Syllables per second of phonation time. */
  articulationRate: z.number(),
  pauseCount: z.number().int(),
  meanPauseMs: z.number(),
  /** Mean syllables between pauses. */
  meanLengthOfRun: z.number(),
  fillers: z.number().int(),
  fillerWords: z.array(z.string()),
  /** Range of the voiced pitch, 5th to 95th percentile, in semitones (null: too little voiced speech). */
  pitchRangeSemitones: z.number().nullable(),
});
export type FluencyMetrics = z.infer<typeof fluencyMetrics>;

/** The marks of one voice turn; any may be missing until it happens. */
export const turnTimeline = z.object({
  speechEndedAt: z.number().nullable(),
  transcriptAt: z.number().nullable(),
  firstTokenAt: z.number().nullable(),
  firstAudioAt: z.number().nullable(),
  firstAudioPlayedAt: z.number().nullable(),
  bargedInAt: z.number().nullable(),
});
export type TurnTimeline = z.infer<typeof turnTimeline>;

export const voiceTurn = z.object({
  turnId: z.string(),
  conversationId: z.string(),
  learnerMessageId: z.string().nullable(),
  replyMessageId: z.string().nullable(),
  transcript: z.string(),
  fluency: fluencyMetrics.nullable(),
  timeline: turnTimeline,
});
export type VoiceTurn = z.infer<typeof voiceTurn>;

/** Word-by-word match of a shadowing attempt against its sentence. */
export const shadowWord = z.object({
  word: z.string(),
  heard: z.string().nullable(),
  match: z.enum(['exact', 'close', 'missed', 'extra']),
});
export type ShadowWord = z.infer<typeof shadowWord>;

export const roomState = z.enum(['idle', 'connecting', 'connected', 'reconnecting', 'disconnected', 'failed']);
export type RoomState = z.infer<typeof roomState>;
