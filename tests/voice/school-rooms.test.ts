import { randomUUID } from 'node:crypto';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../src-shared/sync/protocol';
import { ADMIN, call, LogSink, startInstance, startInstancePair, type Instance, type InstancePair } from '../server/harness';
import { waitForEvent } from '../tutor/tutor-fixture';
import { speechConfig, voiceFixture } from './voice-fixture';

/*
 * "Get the tokens from the school server": the voice service asks the real companion server (server/, SQLite, in
 * this process on loopback) over the profile's sync sign-in; the LiveKit secret never reaches the learner's machine.
 */

// Nothing listens on port 9: the tutor's own connection fails, which the room state reports.
const LIVEKIT = {
  url: 'ws://127.0.0.1:9',
  apiKey: 'APIschoolrooms',
  apiSecret: 'school-rooms-secret-long-enough-for-hs256-0123456789',
};
const CHEAP_KDF = { N: 2 ** 14, r: 8, p: 1 };
/** The server's clock; `skewMs` moves it ahead (access tokens expire on the server's time). */
let skewMs = 0;
const clock = {
  get now() {
    return Date.now() + skewMs;
  },
};
let pair: InstancePair;
let withLivekit: Instance;
let without: Instance;
let fx: Awaited<ReturnType<typeof voiceFixture>> | undefined;

beforeAll(async () => {
  pair = await startInstancePair('sqlite', { clock, logs: new LogSink(), livekitOnA: LIVEKIT });
  ({ a: withLivekit, b: without } = pair);
});
afterAll(() => pair?.close());
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function account() {
  const admin = await call<LoginResponse>(withLivekit.url, 'POST', '/v1/auth/login', {
    body: { ...ADMIN, deviceName: 'tests' },
  });
  const username = `room-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const created = await call<{ account: { accountId: string } }>(withLivekit.url, 'POST', '/v1/admin/accounts', {
    token: admin.body.accessToken,
    body: { username, displayName: 'Ana Learner', password },
  });
  expect(created.status).toBe(201);
  return { username, password, accountId: created.body.account.accountId };
}

/** A learner whose profile syncs with `server` and takes its LiveKit tokens from there. */
async function schoolLearner(server: Instance) {
  fx = await voiceFixture();
  fx.core.internals().services.sync.useTransport(undefined, CHEAP_KDF);
  const { username, password, accountId } = await account();
  await fx.learner.call('sync:configure', {
    serverUrl: server.url,
    username,
    password,
    passphrase: 'school rooms passphrase',
    removeOnSignOut: false,
  });
  await fx.learner.call('voice:saveConfig', {
    ...speechConfig(fx.mock.baseUrl),
    livekit: { source: 'school', url: null, apiKey: null, apiSecret: null },
  });
  return { fx, accountId };
}

const problemOf = (envelope: { ok: boolean; error?: { details?: unknown } }) =>
  envelope.ok ? null : (envelope.error?.details as { problem?: string })?.problem;

describe('LiveKit rooms with tokens from the school server', () => {
  it(
    'joins the account’s room with the server’s tokens, invites a guest, and lets pages reach the server',
    { timeout: 30_000 },
    async () => {
      const { fx, accountId } = await schoolLearner(withLivekit);
      const verifier = new TokenVerifier(LIVEKIT.apiKey, LIVEKIT.apiSecret);
      expect(fx.core.contentSecurityPolicy()).toContain("connect-src 'self';");

      const joined = await fx.learner.call('voice:roomJoin', { conversationId: fx.conversationId });
      expect(joined).toMatchObject({
        url: LIVEKIT.url,
        room: `parley-${accountId}-${fx.conversationId}`,
        identity: `learner-${accountId}`,
      });
      const claims = await verifier.verify(joined.token);
      expect(claims.sub).toBe(`learner-${accountId}`);
      expect(claims.video).toMatchObject({
        room: joined.room,
        roomJoin: true,
        canPublish: true,
        canSubscribe: true,
        roomAdmin: false,
      });
      expect(joined.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
      // The page policy now names the LiveKit server the school gave (both forms), and nothing broader.
      expect(fx.core.contentSecurityPolicy()).toContain("connect-src 'self' http://127.0.0.1:9 ws://127.0.0.1:9;");

      // The tutor joins with its own token from the same reply; here the LiveKit address is dead, and the state says so.
      const failed = await waitForEvent(fx, 'voice:room', (e) => e.state === 'failed', 25_000);
      expect(failed.problem).toMatch(/could not join/);

      const invitation = await fx.learner.call('voice:roomInvite', { room: joined.room, name: 'Ms. Rivera' });
      expect(invitation).toMatchObject({ url: LIVEKIT.url, room: joined.room, name: 'Ms. Rivera' });
      expect(invitation.identity).toMatch(/^guest-[0-9a-f]{16}$/);
      const guest = await verifier.verify(invitation.token);
      expect(guest).toMatchObject({ sub: invitation.identity, name: 'Ms. Rivera' });
      expect(guest.video).toMatchObject({
        room: joined.room,
        roomJoin: true,
        canPublish: true,
        canSubscribe: true,
        roomAdmin: false,
        roomCreate: false,
        roomList: false,
      });
      expect(invitation.expiresAt - Date.now()).toBeGreaterThan(59 * 60_000);
      expect(invitation.joinLink).toBe(
        `https://meet.livekit.io/custom?liveKitUrl=${encodeURIComponent(LIVEKIT.url)}&token=${invitation.token}`,
      );
      expect(invitation.shareText).toContain(invitation.joinLink);
      expect(JSON.stringify([joined, invitation])).not.toContain(LIVEKIT.apiSecret);
      expect(await fx.learner.call('voice:roomLeave', { room: joined.room })).toEqual({ left: true });
    },
  );

  it(
    'says plainly when the server has no LiveKit, when signed out of it, and when it cannot be reached',
    { timeout: 30_000 },
    async () => {
      const { fx } = await schoolLearner(without);
      const join = () => fx.learner.raw('voice:roomJoin', { conversationId: fx.conversationId });
      const noLivekit = await join();
      expect(noLivekit).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(problemOf(noLivekit)).toBe('school_no_livekit');
      expect(await fx.learner.call('voice:roomStatus', {})).toEqual({ state: 'idle', room: null, problem: null });

      await fx.learner.call('sync:signOut', { removeLocalCopy: false });
      expect(problemOf(await join())).toBe('school_signed_out');
    },
  );

  it(
    'shares one sign-in between a sync and a room request when the access token has expired',
    { timeout: 30_000 },
    async () => {
      const { fx } = await schoolLearner(withLivekit);
      // Both requests find the access token expired at once; each refresh rotates the refresh token, so two
      // refreshes with the same one would sign the learner out of the school server.
      skewMs = 2 * 60 * 60_000;
      try {
        const [synced, joined] = await Promise.all([
          fx.learner.call('sync:now', {}),
          fx.learner.raw('voice:roomJoin', { conversationId: fx.conversationId }),
        ]);
        expect(joined.ok ? null : joined.error).toBeNull();
        expect(synced.status).toMatchObject({ state: 'idle', message: null });
        expect((await fx.learner.call('sync:now', {})).status).toMatchObject({ state: 'idle', message: null });
      } finally {
        skewMs = 0;
      }
    },
  );

  it('reports an unreachable school server as offline', { timeout: 30_000 }, async () => {
    const server = await startInstance({ database: pair.database, clock, logs: new LogSink(), livekit: LIVEKIT });
    const { fx } = await schoolLearner(server);
    await server.close();
    const offline = await fx.learner.raw('voice:roomJoin', { conversationId: fx.conversationId });
    expect(problemOf(offline)).toBe('school_offline');
  });
});
