import type { LivekitGrant } from '../../../src-shared/sync/livekit-protocol';
import {
  learnerIdentity,
  mintGrant,
  mintGuestGrant,
  roomNameFor,
  tutorIdentity,
} from '../../providers/livekit/room-token';

/** What joining a practice room needs: the LiveKit address, the room, and the learner's and the tutor's tokens. */
export interface RoomAccess {
  url: string;
  room: string;
  learner: LivekitGrant;
  tutor: LivekitGrant;
}

/** A guest's way into a room. */
export interface GuestAccess {
  url: string;
  room: string;
  guest: LivekitGrant;
}

export interface DirectCredentials {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** Tokens minted on this machine from the learner's own LiveKit key and secret. */
export async function directAccess(
  creds: DirectCredentials,
  profileId: string,
  conversationId: string,
): Promise<RoomAccess> {
  const room = roomNameFor(conversationId);
  const learner = learnerIdentity(profileId);
  return {
    url: creds.url,
    room,
    learner: await mintGrant(creds, room, learner, learner),
    tutor: await mintGrant(creds, room, tutorIdentity(profileId), 'Parley tutor'),
  };
}

export async function directGuest(creds: DirectCredentials, room: string, name: string): Promise<GuestAccess> {
  return {
    url: creds.url,
    room,
    guest: await mintGuestGrant(creds, room, name),
  };
}

/**
 * LiveKit Meet's custom connection (github.com/livekit-examples/meet, `/custom?liveKitUrl=…&token=…`) opens the room
 * in any browser, so a teacher or partner needs nothing installed.
 */
export const MEET_CUSTOM_URL = 'https://meet.livekit.io/custom';

export function invitationOf(access: GuestAccess) {
  const joinLink = `${MEET_CUSTOM_URL}?${new URLSearchParams({ liveKitUrl: access.url, token: access.guest.token })}`;
  return {
    url: access.url,
    room: access.room,
    token: access.guest.token,
    identity: access.guest.identity,
    name: access.guest.name,
    expiresAt: access.guest.expiresAt,
    joinLink,
    shareText: `${joinLink}\n\nLiveKit: ${access.url}\nToken: ${access.guest.token}\n`,
  };
}
