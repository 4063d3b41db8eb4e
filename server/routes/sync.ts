import type { FastifyInstance } from 'fastify';
import {
  endpoints,
  getKeysResponse,
  limits as protocolLimits,
  pullQuery,
  pushRequest,
  putKeysRequest,
  type PullResponse,
  type PushResponse,
} from '../../src-shared/sync/protocol';
import type { Context } from '../context';
import { HttpError, parse } from '../errors';
import type { StoredKey } from '../store/store';

const keyJson = (key: StoredKey) => ({ version: key.version, wrappedKey: key.wrappedKey, kdf: JSON.parse(key.kdf) as unknown, updatedAt: key.updatedAt });

export function registerSyncRoutes(app: FastifyInstance, ctx: Context) {
  const { store } = ctx;

  app.get(endpoints.getKeys.path, async (request) => {
    const session = await ctx.authenticate(request);
    const key = await store.getKey(session.accountId);
    return getKeysResponse.parse({ key: key ? keyJson(key) : null });
  });

  app.put(endpoints.putKeys.path, async (request) => {
    const session = await ctx.authenticate(request);
    const body = parse(putKeysRequest, request.body);
    const key = await store.putKey(session.accountId, body.expectedVersion, body.wrappedKey, JSON.stringify(body.kdf), ctx.now());
    if (!key) throw new HttpError('version_conflict', 'Another device changed the sync key first: fetch it and try again.');
    return { key: keyJson(key) };
  });

  app.post(endpoints.push.path, async (request): Promise<PushResponse> => {
    const session = await ctx.authenticate(request);
    const body = parse(pushRequest, request.body);
    const messages = body.messages.map(({ id, ciphertext, size }) => {
      const bytes = Buffer.from(ciphertext, 'base64');
      if (bytes.length !== size) throw new HttpError('bad_request', `Message ${id}: size does not match its ciphertext.`);
      return { id, ciphertext: bytes };
    });
    const result = await store.push(session.accountId, session.deviceId, messages, ctx.now());
    request.log.info({ event: 'push', accountId: session.accountId, messages: messages.length }, 'pushed');
    return result;
  });

  app.get(endpoints.pull.path, async (request): Promise<PullResponse> => {
    const session = await ctx.authenticate(request);
    const query = parse(pullQuery, request.query);
    const page = await store.pull(session.accountId, query.after, query.limit, protocolLimits.pullPageBytes);
    const last = page.messages.at(-1);
    const nextAfter = last ? last.seq : query.after;
    return {
      messages: page.messages.map((m) => ({
        id: m.id,
        seq: m.seq,
        deviceId: m.deviceId,
        ciphertext: Buffer.from(m.ciphertext).toString('base64'),
        size: m.size,
        receivedAt: m.receivedAt,
      })),
      hasMore: nextAfter < page.highestSeq,
      nextAfter,
      highestSeq: page.highestSeq,
    };
  });
}
