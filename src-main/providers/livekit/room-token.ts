import { AccessToken } from 'livekit-server-sdk';

/** Tokens live ten minutes: long enough to join and reconnect, short enough that a leaked one soon expires. */
export const ROOM_TOKEN_TTL_SECONDS = 600;

export interface RoomTokenRequest {
  apiKey: string;
  apiSecret: string;
  room: string;
  identity: string;
  name?: string;
  ttlSeconds?: number;
}

/**
 * A LiveKit access token with the least grants a practice room needs: join this one room, publish and subscribe
 * audio. No room creation, listing, recording or admin; no data messages.
 */
export async function mintRoomToken(request: RoomTokenRequest): Promise<{ token: string; expiresAt: number }> {
  const ttl = request.ttlSeconds ?? ROOM_TOKEN_TTL_SECONDS;
  const token = new AccessToken(request.apiKey, request.apiSecret, { identity: request.identity, name: request.name, ttl });
  token.addGrant({
    room: request.room,
    roomJoin: true,
    canPublish: true,
    canSubscribe: true,
    canPublishData: false,
    canUpdateOwnMetadata: false,
    roomAdmin: false,
    roomCreate: false,
    roomList: false,
    roomRecord: false,
  });
  const jwt = await token.toJwt();
  const claims: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  const exp = (claims as { exp?: unknown }).exp;
  return { token: jwt, expiresAt: typeof exp === 'number' ? exp * 1000 : Date.now() + ttl * 1000 };
}

/** The room of a practice session and the identities in it. */
export const roomNameFor = (conversationId: string) => `parley-${conversationId}`;
export const learnerIdentity = (profileId: string) => `learner-${profileId}`;
export const tutorIdentity = (profileId: string) => `tutor-${profileId}`;
