import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { endpoints, PROTOCOL_VERSION, setupRequest } from '../../src-shared/sync/protocol';
import { hashPassword } from '../auth/passwords';
import { hashToken } from '../auth/tokens';
import { SETUP_CODE_SETTING } from '../bootstrap';
import type { Context } from '../context';
import { HttpError, parse } from '../errors';

export function registerSetupRoutes(app: FastifyInstance, ctx: Context) {
  const { store } = ctx;

  app.get(endpoints.health.path, async () => {
    await store.ping();
    return { status: 'ok', protocol: PROTOCOL_VERSION };
  });

  /** Creates the first administrator with the one-time code the server printed at start (no PARLEY_ADMIN_PASSWORD). */
  app.post(endpoints.setup.path, async (request, reply) => {
    const body = parse(setupRequest, request.body);
    await ctx.rate([ctx.limits.ip(request.ip), ctx.limits.loginIp(request.ip)]);
    if ((await store.countAdmins()) > 0) throw new HttpError('setup_done', 'An administrator exists already: sign in.');
    const expected = await store.getSetting(SETUP_CODE_SETTING);
    const given = hashToken(body.setupCode.trim());
    if (!expected || !timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
      throw new HttpError('invalid_credentials', 'That setup code is not the one this server printed.');
    }
    await store.setSetting(SETUP_CODE_SETTING, null);
    const id = randomUUID();
    const passwordHash = await hashPassword(body.password, ctx.config.passwordCost);
    const created = await store.createAccount({ id, username: body.username, displayName: body.displayName ?? body.username, role: 'admin', passwordHash, createdAt: ctx.now() });
    if (!created) throw new HttpError('username_taken', `The username ${body.username} is taken.`);
    request.log.info({ event: 'setup', accountId: id }, 'first administrator created');
    return reply.code(201).send({ accountId: id });
  });
}
