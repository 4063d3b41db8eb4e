import { ContractError } from '../../../src-shared/contract/errors';
import type { RoomProblemCode } from '../../../src-shared/domain/livekit-room';
import { SyncTransportError, type SyncSession } from '../../providers/sync/transport';
import type { GuestAccess, RoomAccess } from './room-access';

export interface SchoolLivekitDeps {
  /** The profile's signed-in session with its school server (the sync service's, with its token refresh). */
  session(profileId: string): Promise<SyncSession>;
}

const fail = (problem: RoomProblemCode, message: string) => new ContractError('UNAVAILABLE', message, { problem });

/** The sync service's refusals and the server's answers, as the room problems the voice screen explains. */
function explain(error: unknown): never {
  if (error instanceof ContractError && (error.code === 'NOT_FOUND' || error.code === 'UNAUTHENTICATED')) {
    throw fail(
      'school_signed_out',
      'Live rooms come from the school server, but this profile is not signed in to one. Sign in under Settings → Sync, or choose another source in the voice settings.',
    );
  }
  if (!(error instanceof SyncTransportError)) throw error;
  switch (error.failure) {
    case 'unauthorized':
    case 'account_disabled':
      throw fail(
        'school_signed_out',
        'The school server asks you to sign in again (Settings → Sync) before it hands out room tokens.',
      );
    case 'not_found':
      throw fail(
        'school_no_livekit',
        'The school server does not hand out LiveKit tokens. Ask your school to turn them on, or enter your own LiveKit settings.',
      );
    case 'offline':
      throw fail(
        'school_offline',
        'The school server could not be reached, so there is no room token. Check the connection and try again.',
      );
    case 'rate_limited':
      throw fail('school_busy', 'The school server is busy. Try joining again in a minute.');
    default:
      throw fail('school_error', 'The school server could not give a room token. Try again later, or ask your school.');
  }
}

/**
 * LiveKit tokens from the school server (POST /v1/livekit/token and /guest): the API secret stays on the server,
 * and the request rides on the profile's sync sign-in.
 */
export function createSchoolLivekit(deps: SchoolLivekitDeps) {
  return {
    async access(profileId: string, conversationId: string): Promise<RoomAccess> {
      try {
        return await (await deps.session(profileId)).livekitTokens(conversationId);
      } catch (error) {
        explain(error);
      }
    },

    async guest(profileId: string, conversationId: string, name: string): Promise<GuestAccess> {
      try {
        return await (await deps.session(profileId)).livekitGuest(conversationId, name);
      } catch (error) {
        explain(error);
      }
    },
  };
}
