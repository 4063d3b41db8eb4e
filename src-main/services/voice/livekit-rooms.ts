import { ContractError } from '../../../src-shared/contract/errors';
import type { RoomState } from '../../../src-shared/domain/voice';
import type { CoreEvents } from '../../events';
import type { Logger } from '../../logging';
import { learnerIdentity, mintRoomToken, roomNameFor, tutorIdentity } from '../../providers/livekit/room-token';
import type { TutorParticipant } from '../../providers/livekit/tutor-participant';
import type { SecretsService } from '../secrets/secrets-service';
import type { TutorCaller, TutorService } from '../tutor/tutor-service';
import type { VoiceConfigStore } from './voice-config';
import type { createVoiceTurns } from './voice-turns';

interface RoomEntry {
  room: string;
  conversationId: string;
  state: RoomState;
  problem: string | null;
  tutor: TutorParticipant | null;
  audience: TutorCaller['audience'];
}

export interface LivekitRoomsDeps {
  secrets: SecretsService;
  events: CoreEvents;
  logger: Logger;
  config: VoiceConfigStore;
  tutor: TutorService;
  turns: ReturnType<typeof createVoiceTurns>;
  now: () => number;
}

const SCHOOL_UNSUPPORTED =
  'The school server does not hand out LiveKit tokens: it has no such service. Enter a LiveKit address, API key and secret in the voice settings instead.';

/**
 * One LiveKit practice room per profile at a time: the learner's token is minted here (least grants, ten minutes),
 * and the tutor joins the same room from the main process (@livekit/rtc-node, loaded only when a room is used).
 */
export function createLivekitRooms(deps: LivekitRoomsDeps) {
  const rooms = new Map<string, RoomEntry>();

  const setState = (entry: RoomEntry, state: RoomState, problem: string | null) => {
    entry.state = state;
    entry.problem = problem;
    deps.events.emit('voice:room', { state, room: state === 'idle' ? null : entry.room, problem }, entry.audience());
  };

  const credentials = async (caller: TutorCaller) => {
    const { livekit } = deps.config.read(caller.profileId);
    if (livekit.source === 'off') throw new ContractError('UNAVAILABLE', 'LiveKit is not set up. Add its address, API key and secret in the voice settings.', { problem: 'not_configured' });
    if (livekit.source === 'school') throw new ContractError('UNAVAILABLE', SCHOOL_UNSUPPORTED, { problem: 'school_unsupported' });
    const apiSecret = await deps.secrets.reveal(caller.profileId, 'livekit.apiSecret', caller.secretsKey);
    if (!livekit.url || !livekit.apiKey || !apiSecret) {
      throw new ContractError('UNAVAILABLE', 'The LiveKit settings are incomplete: the address, API key and secret are all needed.', { problem: 'not_configured' });
    }
    return { url: livekit.url, apiKey: livekit.apiKey, apiSecret };
  };

  const startTutor = async (caller: TutorCaller, entry: RoomEntry, creds: { url: string; apiKey: string; apiSecret: string }) => {
    try {
      const { token } = await mintRoomToken({ ...creds, room: entry.room, identity: tutorIdentity(caller.profileId), name: 'Parley tutor' });
      const { joinAsTutor } = await import('../../providers/livekit/tutor-participant');
      entry.tutor = await joinAsTutor({
        url: creds.url,
        token,
        learnerIdentity: learnerIdentity(caller.profileId),
        endOfTurnSilenceMs: deps.config.read(caller.profileId).endOfTurnSilenceMs ?? 1200,
        onState: (state, problem) => setState(entry, state, problem),
        onUtterance: (turn) => {
          deps.turns.turn(caller, { conversationId: entry.conversationId, ...turn, typedText: null }).catch((error: unknown) => {
            deps.logger.warn({ event: 'voice.room.turn', code: (error as ContractError)?.code ?? 'unknown' }, 'room turn failed');
          });
        },
        onBargeIn: (turnId, at) => void deps.turns.cancel(caller.profileId, turnId, at),
        subscribe: (listener) => deps.events.subscribe(listener),
      });
    } catch (error) {
      deps.logger.warn({ event: 'voice.room.tutor', name: (error as Error)?.name ?? 'unknown' }, 'tutor could not join the room');
      setState(entry, 'failed', 'The tutor could not join the room. Check the LiveKit address and that the server is running.');
    }
  };

  return {
    async join(caller: TutorCaller, conversationId: string) {
      const creds = await credentials(caller);
      const previous = rooms.get(caller.profileId);
      if (previous && previous.conversationId !== conversationId) await this.leave(caller.profileId, previous.room);
      const room = roomNameFor(conversationId);
      const identity = learnerIdentity(caller.profileId);
      const { token, expiresAt } = await mintRoomToken({ ...creds, room, identity, name: identity });
      let entry = rooms.get(caller.profileId);
      if (!entry) {
        entry = { room, conversationId, state: 'connecting', problem: null, tutor: null, audience: caller.audience };
        rooms.set(caller.profileId, entry);
        setState(entry, 'connecting', null);
        void startTutor(caller, entry, creds);
      }
      return { url: creds.url, token, room, identity, expiresAt };
    },

    async leave(profileId: string, room: string): Promise<boolean> {
      const entry = rooms.get(profileId);
      if (!entry || entry.room !== room) return false;
      rooms.delete(profileId);
      await entry.tutor?.leave().catch(() => undefined);
      setState(entry, 'idle', null);
      return true;
    },

    status(profileId: string) {
      const entry = rooms.get(profileId);
      return { state: entry?.state ?? ('idle' as const), room: entry?.room ?? null, problem: entry?.problem ?? null };
    },

    async leaveAll(): Promise<void> {
      for (const [profileId, entry] of [...rooms]) await this.leave(profileId, entry.room);
    },
  };
}
