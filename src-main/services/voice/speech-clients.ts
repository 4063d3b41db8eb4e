import type { SecretName } from '../../../src-shared/contract/secrets';
import { voiceForLanguage } from '../../../src-shared/domain/voice';
import { createSpeechClient, DEFAULT_SPEECH_TUNING, type SpeechClient, type SpeechTuning } from '../../providers/speech/speech-client';
import type { SecretsService } from '../secrets/secrets-service';
import type { StoredSpeech } from './voice-config';

export type SpeechSlot = 'stt' | 'tts';
export const KEY_OF: Record<SpeechSlot, SecretName> = { stt: 'speech.apiKey', tts: 'speech.ttsApiKey' };

export interface SpeechCaller {
  profileId: string;
  secretsKey: Buffer | null;
}

export type SpeechClients = ReturnType<typeof createSpeechClients>;

/**
 * SDK clients for each profile's speech servers, with the key read from the key store. Clients are cached by
 * server and key (the SDK keeps its connection pool warm: a voice turn should not pay for a new TLS handshake).
 */
export function createSpeechClients(secrets: SecretsService, tuning: Partial<SpeechTuning> = {}) {
  const full: SpeechTuning = { ...DEFAULT_SPEECH_TUNING, ...tuning };
  const cache = new Map<string, SpeechClient>();
  return {
    tuning: full,
    keyFor: (caller: SpeechCaller, slot: SpeechSlot) => secrets.reveal(caller.profileId, KEY_OF[slot], caller.secretsKey),
    client(provider: StoredSpeech, apiKey: string | null, custom?: Partial<SpeechTuning>): SpeechClient {
      const endpoint = { baseUrl: provider.baseUrl, model: provider.model, voice: provider.voice, apiKey };
      if (custom) return createSpeechClient(endpoint, { ...full, ...custom });
      const cacheKey = JSON.stringify([provider.baseUrl, provider.model, provider.voice, apiKey]);
      let client = cache.get(cacheKey);
      if (!client) {
        if (cache.size > 16) cache.clear();
        cache.set(cacheKey, (client = createSpeechClient(endpoint, full)));
      }
      return client;
    },
    /** The client of a slot; with `language`, text-to-speech speaks with that language's voice when one is set. */
    async forSlot(caller: SpeechCaller, provider: StoredSpeech | null, slot: SpeechSlot, language?: string | null): Promise<SpeechClient | null> {
      if (!provider) return null;
      const voiced = language ? { ...provider, voice: voiceForLanguage(provider, language) } : provider;
      return this.client(voiced, await this.keyFor(caller, slot));
    },
    clear: () => cache.clear(),
  };
}
