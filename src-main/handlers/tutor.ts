import type { tutorContract } from '../../src-shared/contract/tutor';
import type { TutorCaller } from '../services/tutor/tutor-service';
import type { HandlerContext, HandlersFor } from './types';

/** The caller of a tutor call; its events go to every session signed in to the same profile. */
const callerOf = ({ profileId, session, sessions }: HandlerContext): TutorCaller => ({
  profileId,
  secretsKey: session.secretsKey,
  audience: () => ({ sessionIds: sessions.withProfile(profileId).map((s) => s.id) }),
});

export const tutorHandlers: HandlersFor<typeof tutorContract> = {
  'tutor:scenarios': ({ level }, { services, profileId }) => ({ scenarios: services.tutor.scenarios(profileId, level) }),
  'tutor:list': ({ limit, offset }, { services, profileId }) => services.tutor.list(profileId, limit, offset),
  'tutor:start': (input, ctx) => ctx.services.tutor.start(callerOf(ctx), input),
  'tutor:open': ({ conversationId, before, limit }, { services, profileId }) => services.tutor.open(profileId, conversationId, before, limit),
  'tutor:rename': ({ conversationId, title }, { services, profileId }) => ({ conversation: services.tutor.rename(profileId, conversationId, title) }),
  'tutor:delete': async ({ conversationId }, { services, profileId }) => {
    await services.tutor.delete(profileId, conversationId);
    return { conversationId };
  },
  'tutor:restore': ({ conversationId }, { services, profileId }) => ({ conversation: services.tutor.restore(profileId, conversationId) }),
  'tutor:search': ({ query, limit, offset }, { services, profileId }) => services.tutor.search(profileId, query, limit, offset),
  'tutor:send': ({ conversationId, text, clientMessageId }, ctx) => {
    const { learnerMessage, replyMessageId } = ctx.services.tutor.send(callerOf(ctx), conversationId, text, clientMessageId);
    return { learnerMessage, replyMessageId };
  },
  'tutor:stop': async ({ conversationId }, { services, profileId }) => {
    services.tutor.assertOwned(profileId, conversationId);
    return { stopped: await services.tutor.stop(conversationId) };
  },
  'tutor:regenerate': ({ conversationId }, ctx) => ctx.services.tutor.regenerate(callerOf(ctx), conversationId),
  'tutor:editLast': ({ conversationId, text, clientMessageId }, ctx) => ctx.services.tutor.editLast(callerOf(ctx), conversationId, text, clientMessageId),
  'tutor:continue': ({ conversationId }, ctx) => ctx.services.tutor.continue(callerOf(ctx), conversationId),
  'tutor:translate': async ({ messageId }, ctx) => ({ messageId, translation: await ctx.services.tutor.translate(callerOf(ctx), messageId) }),
  'tutor:explain': async ({ messageId, selection }, ctx) => ({ messageId, explanation: await ctx.services.tutor.explain(callerOf(ctx), messageId, selection) }),
  'tutor:suggestWords': async ({ messageId }, ctx) => ({ words: await ctx.services.tutor.suggestWords(callerOf(ctx), messageId) }),
  'tutor:addWord': (input, { services, profileId }) => services.tutor.addWord(profileId, input),
  'tutor:correctionCounts': ({ since }, { services, profileId }) => services.tutor.correctionCounts(profileId, since),
  'tutor:offlineDrills': ({ deckId, count, kinds }, { services, profileId }) => services.tutor.offlineDrills(profileId, deckId, count, kinds),
  'tutor:recordDrill': ({ noteId, kind, answer }, { services, profileId }) => services.tutor.recordDrill(profileId, noteId, kind, answer),
};
