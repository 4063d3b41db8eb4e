import type { FastifyInstance } from 'fastify';
import {
  livekitEndpoints,
  livekitGuestRequest,
  livekitTokenRequest,
  type LivekitGuestResponse,
  type LivekitTokenResponse,
} from '../../src-shared/sync/livekit-protocol';
import type { LivekitConfig } from '../config';
import type { Context } from '../context';
import { HttpError, parse } from '../errors';
import { guestToken, roomTokens } from '../livekit/account-rooms';

/**
 * LiveKit room tokens for signed-in devices, when the server was started with LIVEKIT_URL, LIVEKIT_API_KEY and
 * LIVEKIT_API_SECRET: the secret stays here and devices get ten-minute tokens (an hour for a guest) for rooms of
 * their own account. Authenticated and rate-limited like the sync routes; nothing is stored.
 */
export function registerLivekitRoutes(app: FastifyInstance, ctx: Context) {
  const configured = (): LivekitConfig => {
    if (!ctx.config.livekit)
      throw new HttpError(
        'not_found',
        'This server does not hand out LiveKit tokens: it was started without LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.',
      );
    return ctx.config.livekit;
  };

  app.post(livekitEndpoints.tokens.path, async (request): Promise<LivekitTokenResponse> => {
    const session = await ctx.authenticate(request);
    const config = configured();
    const body = parse(livekitTokenRequest, request.body);
    request.log.info({ event: 'livekit.tokens', accountId: session.accountId }, 'room tokens');
    return roomTokens(config, session, body.conversationId);
  });

  app.post(livekitEndpoints.guest.path, async (request): Promise<LivekitGuestResponse> => {
    const session = await ctx.authenticate(request);
    const config = configured();
    const body = parse(livekitGuestRequest, request.body);
    request.log.info({ event: 'livekit.guest', accountId: session.accountId }, 'guest token');
    return guestToken(config, session.accountId, body.conversationId, body.name);
  });
}
