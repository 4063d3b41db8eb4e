import type { voiceContract } from '../../src-shared/contract/voice';
import type { VoiceCaller } from '../services/voice/voice-service';
import type { HandlerContext, HandlersFor } from './types';

/** The caller of a voice call; its events go to every session signed in to the same profile. */
const callerOf = ({ profileId, session, sessions }: HandlerContext): VoiceCaller => ({
  profileId,
  secretsKey: session.secretsKey,
  audience: () => ({ sessionIds: sessions.withProfile(profileId).map((s) => s.id) }),
});

export const voiceHandlers: HandlersFor<typeof voiceContract> = {
  'voice:getConfig': (_input, { services, profileId }) => services.voice.getConfig(profileId),
  'voice:saveConfig': async (input, ctx) => ({ config: await ctx.services.voice.saveConfig(callerOf(ctx), input) }),
  'voice:testConnection': ({ slot, provider }, ctx) => ctx.services.voice.testConnection(callerOf(ctx), slot, provider),
  'voice:status': (_input, { services, profileId }) => services.voice.status(profileId),
  'voice:turn': (input, ctx) => ctx.services.voice.turn(callerOf(ctx), input),
  'voice:cancel': async ({ turnId, at }, { services, profileId }) => ({ cancelled: await services.voice.cancel(profileId, turnId, at) }),
  'voice:played': ({ turnId, firstAudioPlayedAt }, ctx) => ({ timeline: ctx.services.voice.played(callerOf(ctx), turnId, firstAudioPlayedAt) }),
  'voice:turns': ({ conversationId }, { services, profileId }) => services.voice.turns(profileId, conversationId),
  'voice:speak': ({ text, language }, ctx) => ctx.services.voice.speak(callerOf(ctx), text, language),
  'voice:shadow': ({ sentence, audio }, ctx) => ctx.services.voice.shadow(callerOf(ctx), sentence, audio),
  'voice:roomJoin': ({ conversationId }, ctx) => ctx.services.voice.roomJoin(callerOf(ctx), conversationId),
  'voice:roomLeave': async ({ room }, ctx) => ({ left: await ctx.services.voice.roomLeave(callerOf(ctx), room) }),
  'voice:roomStatus': (_input, { services, profileId }) => services.voice.roomStatus(profileId),
  'voice:roomInvite': ({ room, name }, ctx) => ctx.services.voice.roomInvite(callerOf(ctx), room, name),
};
