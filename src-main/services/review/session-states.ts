import type { StudyScope } from '../../../src-shared/contract/review';
import type { DomainDeps } from '../index';
import type { AnswerRecord } from './answer-writer';
import { buildQueue, type QueueQueries } from './queue-build';
import { resolveScope, type ResolvedScope } from './scope';
import type { SessionQueue } from './session-queue';
import { resolveTimeZone } from './study-day';

/** Sessions whose queues are kept; older ones are dropped (a window that closed, a browser tab long gone). */
const MAX_SESSIONS = 32;

/** What the review engine keeps for one window session. */
export interface SessionState {
  profileId: string;
  scopeKey: string;
  scope: ResolvedScope;
  queue: SessionQueue;
  /** The profile's newest outbox entry when the queue was last in step with the data: anything newer means a rebuild. */
  changeSeq: number;
  /** The queue is for one study day; the first call after this rebuilds it. */
  rebuildAt: number;
  /** The session's answers, newest last, for undo. It outlives queue rebuilds, not a change of profile. */
  undo: AnswerRecord[];
}

/**
 * The sessions' queues, each built once and then kept in step by the engine. Any other change to the profile's
 * data (an import, a browser edit, another window's answers) shows up as a newer outbox entry, and the queue is
 * rebuilt on the session's next call; so is a queue whose study day is over.
 */
export function createSessionStates(deps: DomainDeps, queries: QueueQueries) {
  const sqlite = deps.db.$client;
  const latestChange = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM changes WHERE profile_id = ?').pluck();
  const sessions = new Map<string, SessionState>();

  const build = (profileId: string, scope: StudyScope, now: number, undo: AnswerRecord[]): SessionState => {
    const timeZone = resolveTimeZone(deps.settings.get(profileId).timeZone);
    const resolved = resolveScope(deps, profileId, scope.deckId, timeZone, now);
    return {
      profileId,
      scopeKey: JSON.stringify(scope),
      scope: resolved,
      queue: buildQueue(queries, { profileId, scope: resolved, custom: scope.custom, now }),
      changeSeq: latestChange.get(profileId) as number,
      rebuildAt: Math.min(...[...resolved.roots.values()].map((r) => r.day.end)),
      undo,
    };
  };

  const remember = (sessionId: string, state: SessionState) => {
    sessions.delete(sessionId);
    sessions.set(sessionId, state);
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  };

  return {
    /** The session's queue for this scope, rebuilt when the scope, the profile, the day or the data changed. */
    stateFor(profileId: string, sessionId: string, scope: StudyScope, now: number): SessionState {
      const cached = sessions.get(sessionId);
      const sameProfile = cached?.profileId === profileId;
      const fresh =
        sameProfile &&
        cached.scopeKey === JSON.stringify(scope) &&
        now < cached.rebuildAt &&
        cached.changeSeq === latestChange.get(profileId);
      const state = fresh ? cached : build(profileId, scope, now, sameProfile ? cached.undo : []);
      remember(sessionId, state);
      return state;
    },

    /** After the engine's own write: the queue already reflects it, so its change records need no rebuild. */
    settle(state: SessionState): void {
      state.changeSeq = latestChange.get(state.profileId) as number;
    },
  };
}
