import { TokenVerifier } from 'livekit-server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { eventsOf, waitForEvent, type TutorFixture } from '../tutor/tutor-fixture';
import { speechConfig, voiceFixture } from './voice-fixture';

const KEY = 'APIroomtest';
const SECRET = 'room-test-secret-long-enough-for-hs256-0123456789abcdef';
let fx: TutorFixture & { conversationId: string };
afterEach(async () => fx?.close());

describe('LiveKit rooms through the contract', () => {
  it('mints the learner’s token for the conversation’s room, and reports plainly when the tutor cannot join', { timeout: 30_000 }, async () => {
    fx = await voiceFixture();
    // Nothing listens on port 9: the tutor's connection fails.
    await fx.learner.call('voice:saveConfig', { ...speechConfig(fx.mock.baseUrl), livekit: { source: 'direct', url: 'ws://127.0.0.1:9', apiKey: KEY, apiSecret: SECRET } });
    const joined = await fx.learner.call('voice:roomJoin', { conversationId: fx.conversationId });
    expect(joined).toMatchObject({ url: 'ws://127.0.0.1:9', room: `parley-${fx.conversationId}`, identity: `learner-${fx.profileId}` });
    const claims = await new TokenVerifier(KEY, SECRET).verify(joined.token);
    expect(claims.video).toMatchObject({ room: joined.room, roomJoin: true, canPublish: true, canSubscribe: true, roomAdmin: false });
    expect(claims.sub).toBe(joined.identity);
    expect(joined.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(JSON.stringify(joined)).not.toContain(SECRET);

    const failed = await waitForEvent(fx, 'voice:room', (e) => e.state === 'failed', 25_000);
    expect(failed.problem).toMatch(/could not join/);
    expect(eventsOf(fx.events, 'voice:room')[0]).toMatchObject({ state: 'connecting', room: joined.room });
    expect(await fx.learner.call('voice:roomStatus', {})).toMatchObject({ state: 'failed', room: joined.room });
    expect(await fx.learner.call('voice:roomLeave', { room: joined.room })).toEqual({ left: true });
    expect(await fx.learner.call('voice:roomStatus', {})).toEqual({ state: 'idle', room: null, problem: null });
  });
});
