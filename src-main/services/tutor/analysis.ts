import type { CoreEvents } from '../../events';
import type { Logger } from '../../logging';
import { LlmError } from '../../providers/llm/llm-errors';
import type { LlmCaller, LlmService } from '../llm/llm-service';
import type { ConversationStore, MessageRow } from './conversation-store';
import { parseCorrections } from './correction-parser';
import { CORRECTIONS_SCHEMA_NAME, correctionsJsonSchema, correctionsMessages } from './prompts/corrections.v1';
import type { LearnerContext } from './prompts/learner';
import { summaryMessages, SUMMARY_MAX_CHARS } from './prompts/summary.v1';
import type { Audience } from './reply-streams';

/**
 * The work that runs beside a reply: the corrections of each learner message (structured output, or the
 * tolerant parser when the server refuses `response_format`) and the rolling summary of long conversations.
 */
export function createBackgroundWork(deps: { store: ConversationStore; llm: LlmService; events: CoreEvents; logger: Logger }) {
  const pending = new Set<Promise<unknown>>();
  const summarizing = new Set<string>();
  const analysing = new Set<string>();
  const schema = correctionsJsonSchema();

  const track = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const ask = async (caller: LlmCaller, messages: ReturnType<typeof correctionsMessages>) => {
    try {
      return await deps.llm.complete(caller, 'analysis', { messages, jsonSchema: { name: CORRECTIONS_SCHEMA_NAME, schema } });
    } catch (error) {
      // Servers without structured output answer 400 to `response_format`: ask again in plain words.
      if (error instanceof LlmError && error.status === 400) return deps.llm.complete(caller, 'analysis', { messages });
      throw error;
    }
  };

  const analyse = async (caller: LlmCaller, audience: Audience, ctx: LearnerContext, message: MessageRow, previousTutorText: string | null) => {
    const profileId = caller.profileId;
    analysing.add(message.id);
    try {
      await analyseNow(caller, audience, ctx, message, previousTutorText, profileId);
    } finally {
      analysing.delete(message.id);
    }
  };

  const analyseNow = async (caller: LlmCaller, audience: Audience, ctx: LearnerContext, message: MessageRow, previousTutorText: string | null, profileId: string) => {
    let corrections: ReturnType<typeof parseCorrections> = [];
    let status: 'done' | 'failed' = 'done';
    try {
      const reply = await ask(caller, correctionsMessages(ctx, message.text, previousTutorText));
      corrections = parseCorrections(reply, message.text);
      deps.store.saveCorrections(profileId, message, corrections);
    } catch (error) {
      status = 'failed';
      deps.logger.warn({ event: 'tutor.analysis', problem: error instanceof LlmError ? error.problem : 'internal' }, 'analysis failed');
      try {
        deps.store.updateMessage(profileId, message.id, { analysis: 'failed' });
      } catch {
        return;
      }
    }
    deps.events.emit('tutor:correction', { conversationId: message.conversationId, messageId: message.id, status, corrections }, audience());
  };

  const summarize = async (caller: LlmCaller, ctx: LearnerContext, conversationId: string, previous: string, turns: MessageRow[]) => {
    if (summarizing.has(conversationId) || turns.length === 0) return;
    summarizing.add(conversationId);
    try {
      const text = await deps.llm.complete(caller, 'analysis', { messages: summaryMessages(ctx, previous, turns) });
      deps.store.update(caller.profileId, conversationId, { summary: text.trim().slice(0, SUMMARY_MAX_CHARS), summaryThrough: turns[turns.length - 1]!.createdAt });
    } catch (error) {
      deps.logger.warn({ event: 'tutor.summary', problem: error instanceof LlmError ? error.problem : 'internal' }, 'summary failed');
    } finally {
      summarizing.delete(conversationId);
    }
  };

  return {
    analyse: (...args: Parameters<typeof analyse>) => track(analyse(...args)),
    summarize: (...args: Parameters<typeof summarize>) => track(summarize(...args)),
    /** Whether a learner message's analysis is in flight (one left `pending` by a crash is not). */
    isAnalysing: (messageId: string) => analysing.has(messageId),
    /** Resolves when all background work started so far has finished. */
    async idle(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
