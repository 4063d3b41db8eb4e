import { z } from 'zod';
import type { Db } from '../../../db/open';
import { voiceSettings } from '../../../db/schema';
import { cefrLevel, type CefrLevel } from '../../../src-shared/domain/languages';
import { END_OF_TURN_SILENCE_MS, livekitSource, speechProviderKind, voicesByLanguage } from '../../../src-shared/domain/voice';

/** A speech server as stored in `voice_settings` (no key: keys live in the key store). */
export const storedSpeech = z.object({
  kind: speechProviderKind,
  baseUrl: z.string().min(1).max(2048),
  model: z.string().min(1).max(200),
  voice: z.string().max(100).nullable(),
  /** Text-to-speech: a voice per language (settings saved before it existed have none). */
  voicesByLanguage: voicesByLanguage.catch({}),
});
export type StoredSpeech = z.infer<typeof storedSpeech>;

const storedLivekit = z.object({
  source: livekitSource,
  url: z.string().max(500).nullable(),
  apiKey: z.string().max(200).nullable(),
  /** The LiveKit address the school server gave with its last tokens (for the pages' connect-src). */
  schoolUrl: z.string().max(500).nullable().default(null),
});
export type StoredLivekit = z.infer<typeof storedLivekit>;

const storedVoiceConfig = z.object({
  stt: storedSpeech.nullable().catch(null),
  tts: storedSpeech.nullable().catch(null),
  endOfTurnSilenceMs: z.number().int().min(300).max(5000).nullable().catch(null),
  pushToTalk: z.boolean().catch(false),
  keepLearnerAudio: z.boolean().catch(false),
  inputDeviceId: z.string().max(500).nullable().catch(null),
  livekit: storedLivekit.catch({ source: 'off', url: null, apiKey: null, schoolUrl: null }),
});
export type StoredVoiceConfig = z.infer<typeof storedVoiceConfig>;

export const EMPTY_VOICE_CONFIG: StoredVoiceConfig = {
  stt: null,
  tts: null,
  endOfTurnSilenceMs: null,
  pushToTalk: false,
  keepLearnerAudio: false,
  inputDeviceId: null,
  livekit: { source: 'off', url: null, apiKey: null, schoolUrl: null },
};

/** The end-of-turn silence for a learner's level (unknown levels get the B1 value). */
export function defaultEndOfTurnSilence(level: string): number {
  const parsed = cefrLevel.safeParse(level);
  return END_OF_TURN_SILENCE_MS[parsed.success ? (parsed.data as CefrLevel) : 'B1'];
}

export type VoiceConfigStore = ReturnType<typeof createVoiceConfigStore>;

/** Each profile's voice settings on this machine: one JSON row, read before each turn (a prepared statement). */
export function createVoiceConfigStore(db: Db, now: () => number) {
  const readStmt = db.$client.prepare('SELECT config FROM voice_settings WHERE profile_id = ?').pluck();
  const allStmt = db.$client.prepare('SELECT config FROM voice_settings').pluck();
  return {
    read(profileId: string): StoredVoiceConfig {
      const json = readStmt.get(profileId) as string | undefined;
      if (!json) return EMPTY_VOICE_CONFIG;
      const parsed = storedVoiceConfig.safeParse(safeJson(json));
      return parsed.success ? parsed.data : EMPTY_VOICE_CONFIG;
    },

    write(profileId: string, config: StoredVoiceConfig): void {
      const value = storedVoiceConfig.parse(config);
      db.insert(voiceSettings)
        .values({ profileId, config: value, updatedAt: now() })
        .onConflictDoUpdate({ target: voiceSettings.profileId, set: { config: value, updatedAt: now() } })
        .run();
    },

    /** Keeps the LiveKit address the school server sent, for the pages' policy; true when it changed. */
    rememberSchoolUrl(profileId: string, url: string): boolean {
      const current = this.read(profileId);
      if (current.livekit.schoolUrl === url) return false;
      this.write(profileId, { ...current, livekit: { ...current.livekit, schoolUrl: url } });
      return true;
    },

    /** The LiveKit addresses in use on this machine, any profile: the direct ones and those the school gave. */
    livekitAddresses(): string[] {
      return (allStmt.all() as string[]).flatMap((json) => {
        const parsed = storedVoiceConfig.safeParse(safeJson(json));
        if (!parsed.success) return [];
        const { source, url, schoolUrl } = parsed.data.livekit;
        const address = source === 'direct' ? url : source === 'school' ? schoolUrl : null;
        return address ? [address] : [];
      });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
