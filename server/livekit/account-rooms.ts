import { mintGrant, mintGuestGrant } from '../../src-main/providers/livekit/room-token';
import type { LivekitConfig } from '../config';

/**
 * The practice room of one conversation of one account: the account id is part of the name, so whatever
 * conversation id a device sends, it only ever gets tokens for rooms of the account it signed in to.
 */
export const accountRoom = (accountId: string, conversationId: string) => `parley-${accountId}-${conversationId}`;
export const accountLearner = (accountId: string) => `learner-${accountId}`;
export const accountTutor = (accountId: string) => `tutor-${accountId}`;

/** The learner's and the tutor's tokens (ten minutes, least grants: see mintRoomToken). */
export async function roomTokens(
  config: LivekitConfig,
  account: { accountId: string; displayName: string },
  conversationId: string,
) {
  const room = accountRoom(account.accountId, conversationId);
  return {
    url: config.url,
    room,
    learner: await mintGrant(config, room, accountLearner(account.accountId), account.displayName),
    tutor: await mintGrant(config, room, accountTutor(account.accountId), 'Parley tutor'),
  };
}

/** A teacher's or partner's token for the same room: a random identity, the name the learner gave, one hour. */
export async function guestToken(config: LivekitConfig, accountId: string, conversationId: string, name: string) {
  const room = accountRoom(accountId, conversationId);
  return {
    url: config.url,
    room,
    guest: await mintGuestGrant(config, room, name),
  };
}
