import { ContractError } from '../../../src-shared/contract/errors';
import type { RoomInvitation } from '../../../src-shared/domain/livekit-room';
import type { RoomState } from '../../../src-shared/domain/voice';
import type { CoreEvents } from '../../events';
import type { Logger } from '../../logging';
import type { TutorParticipant } from '../../providers/livekit/tutor-participant';
import type { SecretsService } from '../secrets/secrets-service';
import type { TutorCaller, TutorService } from '../tutor/tutor-service';
import { directAccess, directGuest, invitationOf, type DirectCredentials, type RoomAccess } from './room-access';
import type { createSchoolLivekit } from './school-livekit';
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
  school: ReturnType<typeof createSchoolLivekit>;
  now: () => number;
}

type Source = { kind: 'direct'; creds: DirectCredentials } | { kind: 'school' };

const notConfigured = (message: string) => new ContractError('UNAVAILABLE', message, { problem: 'not_configured' });

/**
 * One LiveKit practice room per profile at a time. Tokens (least grants, ten minutes) are minted here from the
 * learner's own key and secret, or come from the school server; the tutor joins the same room from the main
 * process (@livekit/rtc-node, loaded only when a room is used), and a teacher or partner can be invited.
 */
export function createLivekitRooms(deps: LivekitRoomsDeps) {
  const rooms = new Map<string, RoomEntry>();

  const setState = (entry: RoomEntry, state: RoomState, problem: string | null) => {
    entry.state = state;
    entry.problem = problem;
    deps.events.emit('voice:room', { state, room: state === 'idle' ? null : entry.room, problem }, entry.audience());
  };

  const sourceOf = async (caller: TutorCaller): Promise<Source> => {
    const { livekit } = deps.config.read(caller.profileId);
    if (livekit.source === 'off') throw notConfigured('LiveKit is not set up. Add its address, API key and secret in the voice settings, or get rooms from the school server.');
    if (livekit.source === 'school') return { kind: 'school' };
    const apiSecret = await deps.secrets.reveal(caller.profileId, 'livekit.apiSecret', caller.secretsKey);
    if (!livekit.url || !livekit.apiKey || !apiSecret) throw notConfigured('The LiveKit settings are incomplete: the address, API key and secret are all needed.');
    return { kind: 'direct', creds: { url: livekit.url, apiKey: livekit.apiKey, apiSecret } };
  };

  const accessFor = async (caller: TutorCaller, conversationId: string): Promise<RoomAccess> => {
    const source = await sourceOf(caller);
    if (source.kind === 'direct') return directAccess(source.creds, caller.profileId, conversationId);
    const access = await deps.school.access(caller.profileId, conversationId);
    // The pages' connect-src names this address from now on (security/csp.ts).
    deps.config.rememberSchoolUrl(caller.profileId, access.url);
    return access;
  };

  /** Whether the room was left (or the core closed) while the tutor was still joining it. */
  const gone = (caller: TutorCaller, entry: RoomEntry) => rooms.get(caller.profileId) !== entry;

  const startTutor = async (caller: TutorCaller, entry: RoomEntry, access: RoomAccess) => {
    try {
      const { joinAsTutor } = await import('../../providers/livekit/tutor-participant');
      const tutor = await joinAsTutor({
        url: access.url,
        token: access.tutor.token,
        learnerIdentity: access.learner.identity,
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
      if (gone(caller, entry)) await tutor.leave().catch(() => undefined);
      else entry.tutor = tutor;
    } catch (error) {
      if (gone(caller, entry)) return;
      deps.logger.warn({ event: 'voice.room.tutor', name: (error as Error)?.name ?? 'unknown' }, 'tutor could not join the room');
      setState(entry, 'failed', 'The tutor could not join the room. Check the LiveKit address and that the server is running.');
    }
  };

  return {
    async join(caller: TutorCaller, conversationId: string) {
      const access = await accessFor(caller, conversationId);
      const previous = rooms.get(caller.profileId);
      if (previous && previous.room !== access.room) await this.leave(caller.profileId, previous.room);
      let entry = rooms.get(caller.profileId);
      if (!entry) {
        entry = { room: access.room, conversationId, state: 'connecting', problem: null, tutor: null, audience: caller.audience };
        rooms.set(caller.profileId, entry);
        setState(entry, 'connecting', null);
        void startTutor(caller, entry, access).catch(() => undefined);
      }
      return { url: access.url, token: access.learner.token, room: access.room, identity: access.learner.identity, expiresAt: access.learner.expiresAt };
    },

    /** A guest token for the room this profile is in: direct credentials or the school server, like the room's. */
    async invite(caller: TutorCaller, room: string, name: string): Promise<RoomInvitation> {
      const entry = rooms.get(caller.profileId);
      if (!entry || entry.room !== room) throw new ContractError('NOT_FOUND', 'Join the live room first: an invitation is for the room you are in.', { problem: 'no_room' });
      const source = await sourceOf(caller);
      const access = source.kind === 'direct' ? await directGuest(source.creds, entry.room, name) : await deps.school.guest(caller.profileId, entry.conversationId, name);
      deps.logger.info({ event: 'voice.room.invite', source: source.kind }, 'guest invited');
      return invitationOf(access);
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
