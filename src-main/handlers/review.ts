import type { reviewContract } from '../../src-shared/contract/review';
import type { HandlersFor } from './types';

/** The review queue lives per window session: the session id keys it, the signed-in profile scopes it. */
export const reviewHandlers: HandlersFor<typeof reviewContract> = {
  'review:next': (scope, { services, profileId, session }) => services.review.next(profileId, session.id, scope),
  'review:answer': (input, { services, profileId, session }) => services.review.answer(profileId, session.id, input),
  'review:undo': ({ scope }, { services, profileId, session }) => services.review.undo(profileId, session.id, scope),
  'review:suspend': ({ scope, cardId }, { services, profileId, session }) =>
    services.review.suspend(profileId, session.id, scope, cardId),
  'review:bury': ({ scope, cardId }, { services, profileId, session }) =>
    services.review.bury(profileId, session.id, scope, cardId),
};
