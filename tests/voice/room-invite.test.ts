import { TokenVerifier } from 'livekit-server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { voiceRoomInvite } from '../../src-shared/contract/voice';
import { GUEST_TOKEN_TTL_SECONDS } from '../../src-main/providers/livekit/room-token';
import { speechConfig, voiceFixture } from './voice-fixture';
import { roomOnlyGrants } from './livekit-grants';

const KEY = 'APIinvitetest';
const SECRET = 'invite-test-secret-long-enough-for-hs256-0123456789abcdef';
let fx: Awaited<ReturnType<typeof voiceFixture>> | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe('voice:roomInvite', () => {
  it('validates its input: a room and a name, nothing else', () => {
    expect(voiceRoomInvite.input.safeParse({ room: 'parley-x', name: '  Ms. Rivera ' })).toMatchObject({
      success: true,
      data: { name: 'Ms. Rivera' },
    });
    for (const bad of [
      { room: 'parley-x' },
      { room: 'parley-x', name: '   ' },
      { room: 'parley-x', name: 'x'.repeat(101) },
      { room: 'r'.repeat(201), name: 'x' },
      { room: 'parley-x', name: 'x', admin: true },
    ]) {
      expect(voiceRoomInvite.input.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    const output = {
      url: 'wss://lk',
      room: 'r',
      token: 't',
      identity: 'guest-1',
      name: 'n',
      expiresAt: 1,
      joinLink: 'https://meet.livekit.io/custom',
      shareText: 's',
    };
    expect(voiceRoomInvite.output.safeParse(output).success).toBe(true);
    expect(voiceRoomInvite.output.safeParse({ ...output, shareText: undefined }).success).toBe(false);
  });

  it(
    'mints a guest token for the room the learner is in: random identity, the given name, an hour, no admin',
    { timeout: 30_000 },
    async () => {
      fx = await voiceFixture();
      await fx.learner.call('voice:saveConfig', {
        ...speechConfig(fx.mock.baseUrl),
        livekit: { source: 'direct', url: 'ws://127.0.0.1:9', apiKey: KEY, apiSecret: SECRET },
      });
      const notInRoom = await fx.learner.raw('voice:roomInvite', {
        room: `parley-${fx.conversationId}`,
        name: 'Ms. Rivera',
      });
      expect(notInRoom).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { problem: 'no_room' } } });
      expect((await fx.learner.raw('voice:roomInvite', { room: `parley-${fx.conversationId}`, name: '' })).ok).toBe(
        false,
      );

      const joined = await fx.learner.call('voice:roomJoin', { conversationId: fx.conversationId });
      const before = Math.floor(Date.now() / 1000);
      const invitation = await fx.learner.call('voice:roomInvite', { room: joined.room, name: 'Ms. Rivera' });
      expect(invitation).toMatchObject({ url: 'ws://127.0.0.1:9', room: joined.room, name: 'Ms. Rivera' });
      expect(invitation.identity).toMatch(/^guest-[0-9a-f]{16}$/);
      const claims = await new TokenVerifier(KEY, SECRET).verify(invitation.token);
      expect(claims.sub).toBe(invitation.identity);
      expect(claims.name).toBe('Ms. Rivera');
      expect(claims.video).toEqual(roomOnlyGrants(joined.room));
      const exp = (claims as { exp: number }).exp;
      expect(exp - before).toBeGreaterThanOrEqual(GUEST_TOKEN_TTL_SECONDS - 1);
      expect(exp - before).toBeLessThanOrEqual(GUEST_TOKEN_TTL_SECONDS + 1);
      expect(invitation.expiresAt).toBe(exp * 1000);
      const link = new URL(invitation.joinLink);
      expect(`${link.origin}${link.pathname}`).toBe('https://meet.livekit.io/custom');
      expect(Object.fromEntries(link.searchParams)).toEqual({
        liveKitUrl: 'ws://127.0.0.1:9',
        token: invitation.token,
      });
      expect(invitation.shareText).toContain(invitation.joinLink);
      expect(invitation.shareText).toContain(`Token: ${invitation.token}`);
      expect(JSON.stringify(invitation)).not.toContain(SECRET);

      const second = await fx.learner.call('voice:roomInvite', { room: joined.room, name: 'Partner' });
      expect(second.identity).not.toBe(invitation.identity);
      await fx.learner.call('voice:roomLeave', { room: joined.room });
      expect((await fx.learner.raw('voice:roomInvite', { room: joined.room, name: 'Late' })).ok).toBe(false);
    },
  );
});
