import { rmSync } from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../src-shared/contract/errors';
import type { LivekitSettings, SpeechProvider, VoiceConfig } from '../../../src-shared/domain/voice';
import type { z } from 'zod';
import type { livekitSettingsInput, speechProviderInput } from '../../../src-shared/domain/voice';
import type { SpeechTuning } from '../../providers/speech/speech-client';
import { classifySpeechError } from '../../providers/speech/speech-errors';
import type { DomainDeps } from '../index';
import type { LlmService } from '../llm/llm-service';
import type { SyncService } from '../sync/sync-service';
import type { TutorCaller, TutorService } from '../tutor/tutor-service';
import { loadFillers } from './fluency/fillers';
import { measureFluency, sumFluency } from './fluency/fluency';
import { pcmFromBase64, SAMPLE_RATE, wavFromPcm16 } from './pcm';
import { createLivekitRooms } from './livekit-rooms';
import { createSchoolLivekit } from './school-livekit';
import { matchShadowing } from './shadowing';
import { createSpeechClients, KEY_OF, type SpeechSlot } from './speech-clients';
import { createTurnStore } from './turn-store';
import { createVoiceConfigStore, defaultEndOfTurnSilence, type StoredSpeech, type StoredVoiceConfig } from './voice-config';
import { createVoiceTurns, speechProblem, type TurnInput } from './voice-turns';

export type VoiceCaller = TutorCaller;
type SpeechInput = z.output<typeof speechProviderInput>;
type LivekitInput = z.output<typeof livekitSettingsInput>;

export interface VoiceOptions {
  speechTuning?: Partial<SpeechTuning>;
}

export interface SaveVoiceConfig {
  stt: SpeechInput | null;
  tts: SpeechInput | null;
  endOfTurnSilenceMs: number | null;
  pushToTalk: boolean;
  keepLearnerAudio: boolean;
  inputDeviceId: string | null;
  livekit?: LivekitInput;
}

export type VoiceService = ReturnType<typeof createVoiceService>;

/** Voice practice: speech settings, the turn pipeline, fluency, shadowing and LiveKit rooms. */
export function createVoiceService(deps: DomainDeps & { llm: LlmService; tutor: TutorService; sync: Pick<SyncService, 'schoolSession'>; voiceOptions?: VoiceOptions }) {
  const config = createVoiceConfigStore(deps.db, deps.now);
  const speech = createSpeechClients(deps.secrets, deps.voiceOptions?.speechTuning);
  const turnStore = createTurnStore(deps);
  const languageOf = (profileId: string) => deps.profiles.get(profileId).targetLanguage;
  const turns = createVoiceTurns({ tutor: deps.tutor, turns: turnStore, config, speech, events: deps.events, logger: deps.logger, now: deps.now, dataDir: deps.dataDir, resourcesDir: deps.resourcesDir, languageOf });
  const school = createSchoolLivekit({ session: (profileId) => deps.sync.schoolSession(profileId) });
  const rooms = createLivekitRooms({ secrets: deps.secrets, events: deps.events, logger: deps.logger, config, tutor: deps.tutor, turns, school, now: deps.now });

  const keyStatus = async (profileId: string) => new Map((await deps.secrets.status(profileId)).map((s) => [s.name, s.isSet]));

  const view = async (profileId: string, stored: StoredVoiceConfig): Promise<VoiceConfig> => {
    const keys = await keyStatus(profileId);
    const show = (slot: SpeechSlot, p: StoredSpeech | null): SpeechProvider | null => (p ? { ...p, hasKey: keys.get(KEY_OF[slot]) ?? false } : null);
    const { source, url, apiKey } = stored.livekit;
    const livekit: LivekitSettings = { source, url, apiKey, hasSecret: keys.get('livekit.apiSecret') ?? false };
    return { ...stored, stt: show('stt', stored.stt), tts: show('tts', stored.tts), livekit };
  };

  /** null keeps the stored key, '' removes it; a key never follows its server to another origin. */
  const saveKey = async (caller: VoiceCaller, slot: SpeechSlot, next: SpeechInput | null, current: StoredSpeech | null) => {
    const movedAway = next && current && !sameOrigin(next.baseUrl, current.baseUrl);
    if (!next || next.apiKey === '' || (movedAway && next.apiKey === null)) await deps.secrets.clear(caller.profileId, KEY_OF[slot]);
    else if (next.apiKey) await deps.secrets.set(caller.profileId, KEY_OF[slot], next.apiKey, caller.secretsKey);
  };

  const strip = (p: SpeechInput | null): StoredSpeech | null =>
    p ? { kind: p.kind, baseUrl: p.baseUrl, model: p.model, voice: p.voice, voicesByLanguage: p.voicesByLanguage } : null;

  return {
    async getConfig(profileId: string) {
      const level = deps.profiles.get(profileId).level;
      return { config: await view(profileId, config.read(profileId)), defaultEndOfTurnSilenceMs: defaultEndOfTurnSilence(level) };
    },

    async saveConfig(caller: VoiceCaller, input: SaveVoiceConfig): Promise<VoiceConfig> {
      const current = config.read(caller.profileId);
      await saveKey(caller, 'stt', input.stt, current.stt);
      await saveKey(caller, 'tts', input.tts, current.tts);
      let livekit = current.livekit;
      if (input.livekit) {
        livekit = { source: input.livekit.source, url: input.livekit.url, apiKey: input.livekit.apiKey, schoolUrl: current.livekit.schoolUrl };
        if (input.livekit.apiSecret === '' || input.livekit.source !== 'direct') await deps.secrets.clear(caller.profileId, 'livekit.apiSecret');
        else if (input.livekit.apiSecret) await deps.secrets.set(caller.profileId, 'livekit.apiSecret', input.livekit.apiSecret, caller.secretsKey);
      }
      const next: StoredVoiceConfig = {
        stt: strip(input.stt),
        tts: strip(input.tts),
        endOfTurnSilenceMs: input.endOfTurnSilenceMs,
        pushToTalk: input.pushToTalk,
        keepLearnerAudio: input.keepLearnerAudio,
        inputDeviceId: input.inputDeviceId,
        livekit,
      };
      config.write(caller.profileId, next);
      speech.clear();
      return view(caller.profileId, next);
    },

    /** Speech-to-text: half a second of silence is transcribed; text-to-speech: a short word is spoken. */
    async testConnection(caller: VoiceCaller, slot: SpeechSlot, unsaved?: SpeechInput) {
      const saved = config.read(caller.profileId)[slot];
      const provider = unsaved ? strip(unsaved) : saved;
      const started = deps.now();
      const result = (problem: string | null) => ({ ok: problem === null, latencyMs: Math.max(0, Math.round(deps.now() - started)), problem });
      if (!provider) return result('No speech server is set up for this.');
      const storedKeyFits = !unsaved || sameOrigin(unsaved.baseUrl, saved?.baseUrl);
      const apiKey = unsaved?.apiKey ? unsaved.apiKey : storedKeyFits ? await speech.keyFor(caller, slot) : null;
      const client = speech.client(provider, apiKey, { transcribeTimeoutMs: 10_000, speakTimeoutMs: 10_000 });
      try {
        if (slot === 'stt') await client.transcribe(wavFromPcm16(Buffer.alloc(SAMPLE_RATE)), languageOf(caller.profileId));
        else await client.speak('OK');
        return result(null);
      } catch (error) {
        return result(classifySpeechError(error).message);
      }
    },

    status(profileId: string) {
      const stored = config.read(profileId);
      return { stt: stored.stt !== null, tts: stored.tts !== null, tutor: deps.llm.isConfigured(profileId) };
    },

    turn: (caller: VoiceCaller, input: TurnInput) => turns.turn(caller, input),
    cancel: (profileId: string, turnId: string, at: number) => turns.cancel(profileId, turnId, at),
    played: (caller: VoiceCaller, turnId: string, at: number) => turns.played(caller, turnId, at),

    turns(profileId: string, conversationId: string) {
      deps.tutor.assertOwned(profileId, conversationId);
      const list = turnStore.listFor(profileId, conversationId);
      return { turns: list, session: sumFluency(list.flatMap((t) => (t.fluency ? [t.fluency] : []))) };
    },

    /** Speaks `text` in `language` (null: the learner's target language) with that language's voice when set. */
    async speak(caller: VoiceCaller, text: string, language: string | null) {
      const client = await speech.forSlot(caller, config.read(caller.profileId).tts, 'tts', language ?? languageOf(caller.profileId));
      if (!client) return { mime: null, audio: null };
      const spoken = await client.speak(text).catch(speechProblem);
      return { mime: spoken.mime, audio: spoken.audio.toString('base64') };
    },

    async shadow(caller: VoiceCaller, sentence: string, audio: string) {
      const client = await speech.forSlot(caller, config.read(caller.profileId).stt, 'stt');
      if (!client) throw new ContractError('UNAVAILABLE', 'Shadowing needs a speech-to-text server. Choose one in the voice settings.', { problem: 'no_stt' });
      const samples = pcmFromBase64(audio);
      const language = languageOf(caller.profileId);
      const transcript = await client.transcribe(wavFromPcm16(Buffer.from(audio, 'base64')), language).catch(speechProblem);
      const { words, score } = matchShadowing(sentence, transcript);
      const fluency = samples.length ? measureFluency(samples, SAMPLE_RATE, transcript, language, loadFillers(deps.resourcesDir, language)) : null;
      return { transcript, words, score, fluency };
    },

    roomJoin: (caller: VoiceCaller, conversationId: string) => {
      deps.tutor.assertOwned(caller.profileId, conversationId);
      return rooms.join(caller, conversationId);
    },
    roomLeave: (caller: VoiceCaller, room: string) => rooms.leave(caller.profileId, room),
    roomInvite: (caller: VoiceCaller, room: string, name: string) => rooms.invite(caller, room, name),
    /** Every LiveKit address configured on this machine, for the pages' Content-Security-Policy. */
    livekitAddresses: () => config.livekitAddresses(),
    roomStatus: (profileId: string) => rooms.status(profileId),

    /** A deleted profile: its room is left and the learner audio this device kept is removed. */
    async forgetProfile(profileId: string): Promise<void> {
      const { room } = rooms.status(profileId);
      if (room) await rooms.leave(profileId, room);
      rmSync(path.join(deps.dataDir, 'voice', profileId), { recursive: true, force: true });
    },

    async stopAll(): Promise<void> {
      await rooms.leaveAll();
      await turns.stopAll();
    },
  };
}

function sameOrigin(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
