import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../src-shared/contract/errors';
import type { TurnTimeline, VoiceTurn } from '../../../src-shared/domain/voice';
import type { CoreEvents } from '../../events';
import type { Logger } from '../../logging';
import { SpeechError } from '../../providers/speech/speech-errors';
import type { TutorCaller, TutorService } from '../tutor/tutor-service';
import { loadFillers } from './fluency/fillers';
import { measureFluency } from './fluency/fluency';
import { pcmFromBase64, SAMPLE_RATE, wavFromPcm16 } from './pcm';
import { createSentenceSpeaker } from './sentence-speaker';
import type { SpeechClients } from './speech-clients';
import { EMPTY_TIMELINE, type TurnStore } from './turn-store';
import type { VoiceConfigStore } from './voice-config';

export interface TurnInput {
  conversationId: string;
  turnId: string;
  audio: string;
  speechEndedAt: number;
  typedText: string | null;
}

interface Running {
  profileId: string;
  conversationId: string;
  controller: AbortController;
  timeline: TurnTimeline;
  turn: VoiceTurn | null;
  audience: TutorCaller['audience'];
  pending: Promise<VoiceTurn>;
}

export interface VoiceTurnsDeps {
  tutor: TutorService;
  turns: TurnStore;
  config: VoiceConfigStore;
  speech: SpeechClients;
  events: CoreEvents;
  logger: Logger;
  now: () => number;
  dataDir: string;
  resourcesDir: string;
  languageOf: (profileId: string) => string;
}

export const speechProblem = (error: unknown): never => {
  if (error instanceof SpeechError) throw new ContractError('UNAVAILABLE', error.message, { problem: error.problem });
  throw error;
};

/**
 * The voice pipeline of one turn: PCM → WAV → speech-to-text → the tutor's ordinary send path (same store,
 * corrections and analysis as text) with the voice prompt → the streamed reply cut into sentences → speech per
 * sentence → `voice:audio` events in order. Each mark of the timeline is pushed as `voice:turnUpdate`.
 */
export function createVoiceTurns(deps: VoiceTurnsDeps) {
  const running = new Map<string, Running>();
  const fillerCache = new Map<string, string[][]>();
  const fillersFor = (language: string) => {
    let list = fillerCache.get(language);
    if (!list) fillerCache.set(language, (list = loadFillers(deps.resourcesDir, language)));
    return list;
  };

  const publish = (entry: Running) => {
    if (!entry.turn) return;
    entry.turn = { ...entry.turn, timeline: { ...entry.timeline } };
    deps.events.emit('voice:turnUpdate', { turn: entry.turn }, entry.audience());
  };

  const mark = (entry: Running, key: keyof TurnTimeline, at = deps.now()) => {
    if (entry.timeline[key] !== null) return;
    entry.timeline[key] = at;
    publish(entry);
  };

  const persist = (entry: Running, turnId: string) => {
    if (entry.turn) deps.turns.update(entry.profileId, turnId, { timeline: { ...entry.timeline } });
  };

  const transcribe = async (caller: TutorCaller, input: TurnInput, signal: AbortSignal): Promise<string> => {
    if (input.typedText) return input.typedText;
    const provider = deps.config.read(caller.profileId).stt;
    if (!provider) {
      throw new ContractError('UNAVAILABLE', 'No speech-to-text server is set up. Type what you said, or choose a server in the voice settings.', { problem: 'no_stt' });
    }
    const client = await deps.speech.forSlot(caller, provider, 'stt');
    const wav = wavFromPcm16(Buffer.from(input.audio, 'base64'));
    return client!.transcribe(wav, deps.languageOf(caller.profileId), signal).catch(speechProblem);
  };

  const keepAudio = (profileId: string, turnId: string, base64: string) => {
    const dir = path.join(deps.dataDir, 'voice', profileId);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${turnId}.wav`), wavFromPcm16(Buffer.from(base64, 'base64')));
  };

  const run = async (caller: TutorCaller, input: TurnInput, entry: Running): Promise<VoiceTurn> => {
    const { profileId } = caller;
    const signal = entry.controller.signal;
    const cancelled = () => new ContractError('CONFLICT', 'The turn was cancelled.');
    const heard = await transcribe(caller, input, signal).catch((error: unknown) => {
      throw signal.aborted ? cancelled() : error;
    });
    if (signal.aborted) throw cancelled();
    const transcript = heard.trim();
    entry.timeline.transcriptAt = deps.now();
    if (!transcript) throw new ContractError('INVALID_INPUT', 'Parley heard no words. Try again, a little closer to the microphone.', { problem: 'no_speech' });

    const config = deps.config.read(profileId);
    // The reply is in the conversation's target language: it is spoken with that language's voice when one is set.
    const language = deps.languageOf(profileId);
    const tts = await deps.speech.forSlot(caller, config.tts, 'tts', language);
    const speaker = createSentenceSpeaker({
      turnId: input.turnId,
      tts,
      signal,
      emit: (event) => deps.events.emit('voice:audio', event, entry.audience()),
      onFirstAudio: () => mark(entry, 'firstAudioAt'),
      onFailure: (error) => deps.logger.warn({ event: 'voice.tts', problem: error instanceof SpeechError ? error.problem : 'unknown' }, 'sentence not spoken'),
    });
    const finish = () =>
      void speaker.finish().then(() => {
        if (running.get(input.turnId) !== entry) return;
        running.delete(input.turnId);
        persist(entry, input.turnId);
      });

    const sent = deps.tutor.send(caller, input.conversationId, transcript, input.turnId, {
      listener: {
        onText: (text) => {
          mark(entry, 'firstTokenAt');
          speaker.push(text);
        },
        onEnd: finish,
      },
    });
    const samples = input.audio ? pcmFromBase64(input.audio) : new Float32Array(0);
    const fluency = samples.length ? measureFluency(samples, SAMPLE_RATE, transcript, language, fillersFor(language)) : null;
    if (config.keepLearnerAudio && samples.length) keepAudio(profileId, input.turnId, input.audio);
    entry.turn = {
      turnId: input.turnId,
      conversationId: input.conversationId,
      learnerMessageId: sent.learnerMessage.id,
      replyMessageId: sent.replyMessageId,
      transcript,
      fluency,
      timeline: { ...entry.timeline },
    };
    deps.turns.insert(profileId, entry.turn, config.keepLearnerAudio && samples.length > 0);
    publish(entry);
    if (!sent.replyMessageId) finish();
    return entry.turn;
  };

  return {
    async turn(caller: TutorCaller, input: TurnInput): Promise<VoiceTurn> {
      const stored = deps.turns.get(caller.profileId, input.turnId);
      if (stored) {
        if (stored.conversationId !== input.conversationId) throw new ContractError('CONFLICT', 'That turn belongs to another conversation.');
        return deps.turns.toTurn(stored);
      }
      if (deps.turns.taken(input.turnId)) throw new ContractError('CONFLICT', 'That turn id is taken.');
      const inFlight = running.get(input.turnId);
      if (inFlight) {
        if (inFlight.profileId !== caller.profileId || inFlight.conversationId !== input.conversationId) throw new ContractError('CONFLICT', 'That turn id is taken.');
        return inFlight.pending;
      }
      deps.tutor.assertOwned(caller.profileId, input.conversationId);
      // A new turn in the conversation talks over whatever the previous one is still saying.
      for (const [turnId, other] of [...running]) {
        if (other.profileId === caller.profileId && other.conversationId === input.conversationId) await this.cancel(caller.profileId, turnId, input.speechEndedAt);
      }
      const entry: Running = {
        profileId: caller.profileId,
        conversationId: input.conversationId,
        controller: new AbortController(),
        timeline: { ...EMPTY_TIMELINE, speechEndedAt: input.speechEndedAt },
        turn: null,
        audience: caller.audience,
        pending: Promise.resolve(null as unknown as VoiceTurn),
      };
      entry.pending = run(caller, input, entry).catch((error: unknown) => {
        running.delete(input.turnId);
        throw error;
      });
      running.set(input.turnId, entry);
      return entry.pending;
    },

    /** Barge-in: the reply's stream and every pending sentence stop; nothing more is sent for this turn. */
    async cancel(profileId: string, turnId: string, at: number): Promise<boolean> {
      const entry = running.get(turnId);
      if (!entry || entry.profileId !== profileId) return false;
      running.delete(turnId);
      entry.timeline.bargedInAt = at;
      entry.controller.abort();
      if (entry.turn?.replyMessageId) await deps.tutor.stop(entry.conversationId);
      persist(entry, turnId);
      publish(entry);
      return true;
    },

    /** The renderer started playing the turn's first audio. */
    played(caller: TutorCaller, turnId: string, at: number): TurnTimeline {
      const entry = running.get(turnId);
      if (entry && entry.profileId === caller.profileId && entry.turn) {
        mark(entry, 'firstAudioPlayedAt', at);
        persist(entry, turnId);
        return { ...entry.timeline };
      }
      const stored = deps.turns.get(caller.profileId, turnId);
      if (!stored) throw new ContractError('NOT_FOUND', 'That voice turn does not exist.');
      const turn = deps.turns.toTurn(stored);
      if (turn.timeline.firstAudioPlayedAt !== null) return turn.timeline;
      const timeline = { ...turn.timeline, firstAudioPlayedAt: at };
      deps.turns.update(caller.profileId, turnId, { timeline });
      deps.events.emit('voice:turnUpdate', { turn: { ...turn, timeline } }, caller.audience());
      return timeline;
    },

    /** Tests and shutdown: stop every turn. */
    async stopAll(): Promise<void> {
      for (const [turnId, entry] of [...running]) await this.cancel(entry.profileId, turnId, deps.now());
    },
  };
}
