import type { CoreEvents, EventTarget } from '../../events';
import type { Logger } from '../../logging';
import { LlmError } from '../../providers/llm/llm-errors';
import type { ChatMessage, StreamResult } from '../../providers/llm/openai-client';
import { problemOf, type LlmCaller, type LlmService } from '../llm/llm-service';
import type { ConversationStore } from './conversation-store';
import { createGoalFilter } from './goal-marker';

/** Who hears a conversation's events: the sessions signed in to its profile, looked up at each emit. */
export type Audience = () => EventTarget;

/** Follows a reply as it streams (the voice pipeline speaks it sentence by sentence). */
export interface ReplyListener {
  /** Each piece of text as it is shown (goal marker already removed). */
  onText(text: string): void;
  /** Once, after the reply is stored. */
  onEnd(outcome: { status: StreamResult['status']; stopped: boolean }): void;
}

export interface ReplyJob {
  caller: LlmCaller;
  audience: Audience;
  conversationId: string;
  messageId: string;
  /** Text already stored for the message (Continue appends to it). */
  prefix: string;
  messages: ChatMessage[];
  /** Set for scenario conversations whose goal is not reached yet: the goal marker is watched for. */
  scenarioId: string | null;
  /** Runs once, at the first token or when the stream ends without one (the analysis: the reply gets the server first). */
  onFirstToken?: () => void;
  /** Runs after the reply is stored (the rolling summary). */
  after?: (status: StreamResult['status']) => void;
  listener?: ReplyListener;
}

const CHECKPOINT_MS = 5_000;
const CUT_SHORT = 'The reply was cut short. You can ask the tutor to continue.';

export type ReplyStreams = ReturnType<typeof createReplyStreams>;

/**
 * The replies streaming now, one per conversation at most. Each delta is pushed as `tutor:delta` the moment it
 * arrives; the text is checkpointed while it runs and stored at the end, complete or not, before `tutor:done`.
 */
export function createReplyStreams(deps: { store: ConversationStore; llm: LlmService; events: CoreEvents; logger: Logger; now: () => number }) {
  const active = new Map<string, { controller: AbortController; messageId: string; done: Promise<void> }>();

  const run = async (job: ReplyJob, signal: AbortSignal) => {
    const { store, events } = deps;
    const profileId = job.caller.profileId;
    const filter = createGoalFilter();
    let shown = '';
    let seq = 0;
    let saved = job.prefix;
    let started = false;
    const firstToken = () => {
      if (started) return;
      started = true;
      job.onFirstToken?.();
    };
    const emit = (text: string) => {
      if (!text) return;
      shown += text;
      events.emit('tutor:delta', { conversationId: job.conversationId, messageId: job.messageId, seq: seq++, text }, job.audience());
      job.listener?.onText(text);
      firstToken();
    };
    const checkpoint = setInterval(() => {
      if (job.prefix + shown === saved) return;
      saved = job.prefix + shown;
      store.updateMessage(profileId, job.messageId, { text: saved });
    }, CHECKPOINT_MS);
    let result: StreamResult;
    try {
      result = await deps.llm.stream(job.caller, 'conversation', { messages: job.messages, signal, onDelta: (piece) => emit(filter.push(piece)) });
    } catch (error) {
      const failure = error instanceof LlmError ? error : new LlmError('server_down');
      result = { text: '', status: 'error', error: failure, stopped: false, attempts: 0 };
    } finally {
      clearInterval(checkpoint);
    }
    emit(filter.flush());
    firstToken();
    const text = (job.prefix + shown).replace(/\s+$/, '');
    const status = result.status === 'error' && job.prefix ? 'incomplete' : result.status;
    const problem = result.error ? problemOf(result.error) : null;
    const message = problem?.message ?? (status === 'incomplete' && !result.stopped ? CUT_SHORT : null);
    store.updateMessage(profileId, job.messageId, { text, status, error: message });
    events.emit(
      'tutor:done',
      { conversationId: job.conversationId, messageId: job.messageId, status, text, stopped: result.stopped, error: message ? { code: problem?.code ?? 'incomplete', message } : null },
      job.audience(),
    );
    if (filter.reached && job.scenarioId) {
      store.update(profileId, job.conversationId, { goalReachedAt: deps.now() });
      events.emit('tutor:goalReached', { conversationId: job.conversationId, messageId: job.messageId, scenarioId: job.scenarioId }, job.audience());
    }
    job.listener?.onEnd({ status, stopped: result.stopped });
    deps.logger.info({ event: 'tutor.reply', status, attempts: result.attempts, problem: problem?.code ?? null }, 'tutor reply finished');
    job.after?.(status);
  };

  return {
    start(job: ReplyJob): void {
      const controller = new AbortController();
      const done = run(job, controller.signal)
        .catch((error: unknown) => deps.logger.error({ err: { name: (error as Error)?.name } }, 'tutor reply failed'))
        .finally(() => {
          if (active.get(job.conversationId)?.messageId === job.messageId) active.delete(job.conversationId);
        });
      active.set(job.conversationId, { controller, messageId: job.messageId, done });
    },

    isActive: (conversationId: string) => active.has(conversationId),

    /** Stops the conversation's reply; resolves when its partial text is stored. */
    async stop(conversationId: string): Promise<boolean> {
      const entry = active.get(conversationId);
      if (!entry) return false;
      entry.controller.abort();
      await entry.done;
      return true;
    },

    /** Waits for the conversation's reply to finish (tests, shutdown). */
    settled: async (conversationId: string) => active.get(conversationId)?.done,

    async stopAll(): Promise<void> {
      const entries = [...active.values()];
      for (const entry of entries) entry.controller.abort();
      await Promise.all(entries.map((e) => e.done));
    },
  };
}
