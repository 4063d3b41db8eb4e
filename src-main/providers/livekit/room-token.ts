import { randomBytes } from 'node:crypto';
import { AccessToken, TrackSource } from 'livekit-server-sdk';
import type { LivekitGrant } from '../../../src-shared/sync/livekit-protocol';

/** Tokens live ten minutes: long enough to join and reconnect, short enough that a leaked one soon expires. */
export const ROOM_TOKEN_TTL_SECONDS = 600;
/** A teacher's or partner's invitation lasts an hour: time to open it and stay for a lesson. */
export const GUEST_TOKEN_TTL_SECONDS = 3600;

export interface RoomTokenRequest {
  apiKey: string;
  apiSecret: string;
  room: string;
  identity: string;
  name?: string;
  ttlSeconds?: number;
}

/**
 * A LiveKit access token with the least grants a practice room needs: join this one room, publish the microphone
 * (no camera or screen) and subscribe. No room creation, listing, recording or admin; no data messages. The same
 * grants for the learner, the tutor and an invited guest; the companion server mints with this too.
 */
export async function mintRoomToken(request: RoomTokenRequest): Promise<{ token: string; expiresAt: number }> {
  const ttl = request.ttlSeconds ?? ROOM_TOKEN_TTL_SECONDS;
  const token = new AccessToken(request.apiKey, request.apiSecret, {
    identity: request.identity,
    name: request.name,
    ttl,
  });
  token.addGrant({
    room: request.room,
    roomJoin: true,
    canPublish: true,
    canPublishSources: [TrackSource.MICROPHONE],
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
/** A guest's identity: random, so two invitations never collide and nothing about the learner shows. */
export const guestIdentity = (random: string) => `guest-${random}`;

/** A LiveKit API key and its secret: what tokens are minted with, on the learner's machine or the school server. */
export interface LivekitKeys {
  apiKey: string;
  apiSecret: string;
}

/** One participant's token for `room`, with who it is for (as shown in the room). */
export async function mintGrant(
  keys: LivekitKeys,
  room: string,
  identity: string,
  name: string,
  ttlSeconds?: number,
): Promise<LivekitGrant> {
  const { token, expiresAt } = await mintRoomToken({
    apiKey: keys.apiKey,
    apiSecret: keys.apiSecret,
    room,
    identity,
    name,
    ttlSeconds,
  });
  return { identity, name, token, expiresAt };
}

/** A teacher's or partner's token for `room`: a random identity, the name the learner gave, one hour. */
export const mintGuestGrant = (keys: LivekitKeys, room: string, name: string): Promise<LivekitGrant> =>
  mintGrant(keys, room, guestIdentity(randomBytes(8).toString('hex')), name, GUEST_TOKEN_TTL_SECONDS);
