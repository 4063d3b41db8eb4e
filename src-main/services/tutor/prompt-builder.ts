import type { ChatMessage } from '../../providers/llm/openai-client';
import type { MessageRow } from './conversation-store';
import { conversationSystemPrompt } from './prompts/conversation.v1';
import type { LearnerContext } from './prompts/learner';

/** Rough token count (about four characters a token): enough to keep a prompt inside its budget. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export interface PromptBudget {
  /** Tokens for the recent turns sent verbatim. */
  historyTokens: number;
  /** Never more turns than this, however short. */
  maxTurns: number;
}

export const DEFAULT_BUDGET: PromptBudget = { historyTokens: 3000, maxTurns: 40 };

export interface BuiltPrompt {
  messages: ChatMessage[];
  /** The oldest message sent verbatim; older ones are left to the summary. */
  windowStart: MessageRow | null;
  /** Messages outside the window that the summary does not cover yet. */
  unsummarized: MessageRow[];
}

/**
 * The conversation as the model sees it: the system prompt (learner, scenario, stored summary), then as many recent
 * turns as fit the budget, newest kept first. `recent` is newest first, as the store pages it.
 */
export function buildConversationPrompt(ctx: LearnerContext, summary: { text: string; through: number }, recent: MessageRow[], budget = DEFAULT_BUDGET): BuiltPrompt {
  const window: MessageRow[] = [];
  let used = 0;
  for (const message of recent) {
    if (!message.text) continue;
    const cost = estimateTokens(message.text) + 4;
    if (window.length >= budget.maxTurns || (window.length > 0 && used + cost > budget.historyTokens)) break;
    window.push(message);
    used += cost;
  }
  window.reverse();
  const windowStart = window[0] ?? null;
  const unsummarized = windowStart ? recent.filter((m) => m.text && before(m, windowStart) && m.createdAt > summary.through).reverse() : [];
  const turns: ChatMessage[] = window.map((m) => ({ role: m.role === 'learner' ? 'user' : 'assistant', content: m.text }));
  return { messages: [{ role: 'system', content: conversationSystemPrompt(ctx, summary.text) }, ...turns], windowStart, unsummarized };
}

const before = (a: MessageRow, b: MessageRow) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
