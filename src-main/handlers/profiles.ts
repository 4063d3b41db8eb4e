import { ContractError } from '../../src-shared/contract/errors';
import type { profilesContract } from '../../src-shared/contract/profiles';
import type { HandlerContext, HandlersFor } from './types';

/** The first profile can always be created (someone must be the admin); after that the policy and the setting decide. */
function canSelfCreate({ services, policy }: HandlerContext): boolean {
  if (services.profiles.count() === 0) return true;
  return policy.allowsSelfServiceProfiles() && services.settings.getApp().allowSelfServiceProfiles;
}

export const profilesHandlers: HandlersFor<typeof profilesContract> = {
  'profiles:list': (_input, ctx) => ({ profiles: ctx.services.profiles.list(), canCreate: canSelfCreate(ctx) }),

  'profiles:current': (_input, { session, services }) => ({
    profile: session.profileId ? services.profiles.get(session.profileId) : null,
  }),

  'profiles:create': async ({ password, makeAdmin, ...fields }, ctx) => {
    if (!canSelfCreate(ctx)) {
      throw new ContractError('FORBIDDEN', 'New profiles on this computer are created by an administrator.');
    }
    const isFirst = ctx.services.profiles.count() === 0;
    const created = await ctx.services.profiles.create(fields, { password, isAdmin: isFirst && makeAdmin });
    ctx.sessions.signIn(ctx.session, created.profile.id, created.secretsKey);
    return { profile: created.profile, signedIn: true };
  },

  'profiles:signIn': async ({ profileId, password }, { session, sessions, services }) => {
    const signedIn = await services.profiles.verify(profileId, password);
    sessions.signIn(session, profileId, signedIn.secretsKey);
    return { profile: signedIn.profile };
  },

  'profiles:signOut': (_input, { session, sessions }) => {
    sessions.signOut(session);
    return {};
  },

  'profiles:update': (patch, { services, profileId }) => ({ profile: services.profiles.update(profileId, patch) }),

  'profiles:setPassword': async ({ currentPassword, newPassword }, { session, services, profileId }) => {
    const verified = await services.profiles.verify(profileId, currentPassword);
    const newKey = await services.profiles.setPassword(profileId, newPassword);
    await services.secrets.reseal(profileId, verified.secretsKey, newKey);
    session.secretsKey = newKey;
    return { profile: services.profiles.get(profileId) };
  },

  'profiles:delete': async ({ profileId: target, confirmation }, { services, sessions, events, profileId }) => {
    const self = target === profileId;
    if (!self && !services.profiles.isAdmin(profileId)) {
      throw new ContractError('FORBIDDEN', 'Only an administrator can delete another profile.');
    }
    const victim = services.profiles.get(target);
    if (confirmation.trim() !== victim.displayName) {
      throw new ContractError('CONFIRMATION_MISMATCH', `Type the profile name "${victim.displayName}" exactly to delete it.`);
    }
    if (victim.isAdmin && !self) throw new ContractError('FORBIDDEN', 'An administrator profile can only delete itself.');
    const affected = sessions.withProfile(target);
    const deletedRows = services.profiles.delete(target);
    await services.secrets.clearAll(target);
    await services.voice.forgetProfile(target);
    for (const s of affected) sessions.signOut(s);
    events.emit('session:signedOut', { reason: 'deleted' }, { sessionIds: affected.map((s) => s.id) });
    return { deletedRows };
  },

  'profiles:adminCreate': async ({ password, ...fields }, { services }) => {
    const created = await services.profiles.create(fields, { password, isAdmin: false });
    created.secretsKey?.fill(0);
    return { profile: created.profile };
  },

  'profiles:adminResetPassword': async ({ profileId: target, newPassword }, { services, sessions, events }) => {
    if (services.profiles.isAdmin(target)) {
      throw new ContractError('FORBIDDEN', 'Administrators change their own password in Settings.');
    }
    const newKey = await services.profiles.setPassword(target, newPassword);
    newKey?.fill(0);
    // The old password sealed this profile's secrets; without it they cannot be opened, so they go.
    await services.secrets.clearAll(target);
    const affected = sessions.withProfile(target);
    for (const s of affected) sessions.signOut(s);
    events.emit('session:signedOut', { reason: 'reset' }, { sessionIds: affected.map((s) => s.id) });
    const { goals: _g, interests: _i, createdAt: _c, ...summary } = services.profiles.get(target);
    return { profile: summary };
  },
};
