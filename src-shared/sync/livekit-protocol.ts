/**
 * LiveKit practice rooms from the companion server (server/routes/livekit.ts): a school keeps its LiveKit API key
 * and secret on its server, and a signed-in device asks it for short-lived room tokens instead. Same rules as the
 * rest of the protocol (protocol.ts): JSON, `Authorization: Bearer <accessToken>`, strict bodies, the same error
 * shape. A server started without LiveKit answers 404 not_found.
 */
import { z } from 'zod';
import { uuid } from './protocol';

export const livekitEndpoints = {
  /** The learner's and the tutor's tokens for the room of one conversation of this account. */
  tokens: { method: 'POST', path: '/v1/livekit/token' },
  /** A guest (teacher, partner) token for that same room. */
  guest: { method: 'POST', path: '/v1/livekit/guest' },
} as const;

export const livekitTokenRequest = z.strictObject({ conversationId: uuid });
export const livekitGuestRequest = z.strictObject({
  conversationId: uuid,
  /** Shown to the others in the room. */
  name: z.string().trim().min(1).max(100),
});

/** One participant's token: who it is and until when (epoch ms) it may join. */
export const livekitGrant = z.object({
  identity: z.string().min(1).max(200),
  name: z.string().max(200),
  token: z.string().min(1).max(8192),
  expiresAt: z.number().int(),
});
export type LivekitGrant = z.infer<typeof livekitGrant>;

const roomOf = { url: z.string().min(1).max(500), room: z.string().min(1).max(200) };
export const livekitTokenResponse = z.object({ ...roomOf, learner: livekitGrant, tutor: livekitGrant });
export type LivekitTokenResponse = z.infer<typeof livekitTokenResponse>;
export const livekitGuestResponse = z.object({ ...roomOf, guest: livekitGrant });
export type LivekitGuestResponse = z.infer<typeof livekitGuestResponse>;
