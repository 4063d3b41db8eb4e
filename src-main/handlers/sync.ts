import { ContractError } from '../../src-shared/contract/errors';
import type { syncContract } from '../../src-shared/contract/sync';
import { lockRoamedProfile } from '../services/sync/roamed-profile-lock';
import type { HandlerContext, HandlersFor } from './types';

function schoolServer(ctx: Pick<HandlerContext, 'policy'>) {
  const sync = ctx.policy.view().policy.sync;
  return { serverUrl: sync?.serverUrl ?? null, locked: sync?.locked ?? false };
}

/** A machine policy that locks the sync server allows only that server. */
function checkServer(ctx: Pick<HandlerContext, 'policy'>, serverUrl: string) {
  const school = schoolServer(ctx);
  if (school.locked && school.serverUrl && school.serverUrl.replace(/\/+$/, '') !== serverUrl.replace(/\/+$/, '')) {
    throw new ContractError('FORBIDDEN', 'This machine may only sync with the school’s server.');
  }
}

export const syncHandlers: HandlersFor<typeof syncContract> = {
  'sync:status': (_input, ctx) => {
    const school = schoolServer(ctx);
    return {
      status: ctx.services.sync.status(ctx.profileId),
      policyServerUrl: school.serverUrl,
      serverUrlLocked: school.locked,
    };
  },
  'sync:configure': async (input, ctx) => {
    checkServer(ctx, input.serverUrl);
    return { status: await ctx.services.sync.configure(ctx.profileId, input) };
  },
  'sync:now': async (_input, { services, profileId, events, session }) => ({
    status: await services.sync.syncNow(profileId, (p) =>
      events.emit(
        'jobs:progress',
        { jobId: `sync-${profileId}`, done: p.done, total: p.total, phase: p.phase },
        { sessionIds: [session.id] },
      ),
    ),
  }),
  'sync:changePassphrase': async ({ current, next }, { services, profileId }) => {
    await services.sync.changePassphrase(profileId, current, next);
    return { ok: true as const };
  },
  'sync:signOut': async ({ removeLocalCopy }, ctx) => {
    const result = await ctx.services.sync.signOut(ctx.profileId, removeLocalCopy);
    if (result.removed) ctx.sessions.signOut(ctx.session);
    return result;
  },
  'sync:schoolServer': (_input, ctx) => schoolServer(ctx),
  'sync:roam': async ({ jobId, ...input }, ctx) => {
    checkServer(ctx, input.serverUrl);
    const profileId = await ctx.services.sync.roam(input, (p) =>
      ctx.events.emit(
        'jobs:progress',
        { jobId: jobId ?? 'sync-roam', done: p.done, total: p.total, phase: p.phase },
        { sessionIds: [ctx.session.id] },
      ),
    );
    ctx.sessions.signIn(ctx.session, profileId, await lockRoamedProfile(ctx.services, profileId, input.password));
    return { profileId };
  },
};
