import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import {
  learnerIdentity,
  mintRoomToken,
  roomNameFor,
  ROOM_TOKEN_TTL_SECONDS,
} from '../../src-main/providers/livekit/room-token';
import { roomOnlyGrants } from './livekit-grants';

const KEY = 'APIparleytest';
const SECRET = 'a-test-secret-that-is-long-enough-for-hs256-0123456789';

describe('LiveKit room tokens', () => {
  it('carry the room, the identity and only the grants a practice room needs, for ten minutes', async () => {
    const before = Math.floor(Date.now() / 1000);
    const room = roomNameFor('0190c0de-0000-7000-8000-000000000001');
    const { token, expiresAt } = await mintRoomToken({
      apiKey: KEY,
      apiSecret: SECRET,
      room,
      identity: learnerIdentity('p1'),
    });
    const claims = await new TokenVerifier(KEY, SECRET).verify(token);
    expect(claims.sub).toBe('learner-p1');
    expect(claims.iss).toBe(KEY);
    expect(claims.video).toEqual(roomOnlyGrants(room));
    const exp = (claims as { exp?: number }).exp!;
    expect(exp - before).toBeGreaterThanOrEqual(ROOM_TOKEN_TTL_SECONDS - 1);
    expect(exp - before).toBeLessThanOrEqual(ROOM_TOKEN_TTL_SECONDS + 1);
    expect(expiresAt).toBe(exp * 1000);
  });

  it('is refused with another secret, and once expired', async () => {
    const { token } = await mintRoomToken({ apiKey: KEY, apiSecret: SECRET, room: 'r', identity: 'i' });
    await expect(new TokenVerifier(KEY, `${SECRET}-other`).verify(token)).rejects.toThrow();
    const short = await mintRoomToken({ apiKey: KEY, apiSecret: SECRET, room: 'r', identity: 'i', ttlSeconds: 1 });
    await new Promise((r) => setTimeout(r, 2100));
    await expect(new TokenVerifier(KEY, SECRET).verify(short.token, 0)).rejects.toThrow(/exp/i);
  });
});
