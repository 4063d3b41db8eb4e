import { ContractError } from '../../../src-shared/contract/errors';
import type { CefrLevel } from '../../../src-shared/domain/languages';
import type { Scenario } from '../../../src-shared/domain/scenario';
import { scenarioVocabularyIn, summarizeScenario } from '../../../src-shared/domain/scenario';
import type { DrillKind, WordSuggestion } from '../../../src-shared/domain/tutor';
import { LlmError } from '../../providers/llm/llm-errors';
import type { ChatMessage } from '../../providers/llm/openai-client';
import type { DomainDeps } from '../index';
import { problemOf, type LlmCaller, type LlmService } from '../llm/llm-service';
import { createBackgroundWork } from './analysis';
import { captureWord, correctedText, plainText, sentenceWith } from './capture';
import { createConversationStore, type ConversationRow, type MessageRow } from './conversation-store';
import { parseWords } from './correction-parser';
import { countCorrections } from './correction-counts';
import { createDrills } from './drills';
import { createLearnerContexts } from './learner-context';
import { buildConversationPrompt, type PromptBudget } from './prompt-builder';
import { CONTINUE_INSTRUCTION } from './prompts/conversation.v1';
import type { LearnerContext } from './prompts/learner';
import { explainMessages, translateMessages, WORDS_SCHEMA_NAME, wordsJsonSchema, wordsMessages } from './prompts/helpers.v1';
import { voiceSystemPrompt } from './prompts/voice.v1';
import { createReplyStreams, type Audience, type ReplyListener } from './reply-streams';
import { createScenarioLibrary } from './scenarios';
import { createTutorSearch } from './search';

/** A signed-in caller: the profile, its secrets key, and who should hear the conversation's events. */
export interface TutorCaller extends LlmCaller {
  audience: Audience;
}

/** A spoken turn: the reply gets the voice prompt (short, speakable) and is followed as it streams. */
export interface VoiceReply {
  listener: ReplyListener;
}

const RECENT_FOR_PROMPT = 60;
const FREE_TALK_TITLE = 'Free talk';

export type TutorService = ReturnType<typeof createTutorService>;

/** The tutor: conversations, streamed replies, corrections, vocabulary capture, search and offline drills. */
export function createTutorService(deps: DomainDeps & { llm: LlmService; budget?: PromptBudget }) {
  const store = createConversationStore(deps);
  const library = createScenarioLibrary(deps.resourcesDir, deps.logger);
  const learners = createLearnerContexts(deps);
  const streams = createReplyStreams({ store, llm: deps.llm, events: deps.events, logger: deps.logger, now: deps.now });
  const background = createBackgroundWork({ store, llm: deps.llm, events: deps.events, logger: deps.logger });
  const searchIndex = createTutorSearch(deps.db);
  const drills = createDrills(deps);

  const scenarioOf = (row: ConversationRow): Scenario | null => (row.scenarioId ? library.get(row.scenarioId) : null);

  const assertIdle = (conversationId: string) => {
    if (streams.isActive(conversationId)) throw new ContractError('CONFLICT', 'The tutor is still answering. Stop the reply first.');
  };

  /**
   * Messages a crash left behind: a reply still marked `streaming` with no stream running becomes `incomplete`
   * (it can be continued), an analysis still `pending` with none running becomes `failed`.
   */
  const settleStale = (profileId: string, rows: MessageRow[]): MessageRow[] =>
    rows.map((row) => {
      if (row.status === 'streaming' && !streams.isActive(row.conversationId)) {
        const patch = { status: 'incomplete' as const, error: 'The reply was interrupted.' };
        store.updateMessage(profileId, row.id, patch);
        return { ...row, ...patch };
      }
      // Analysis starts with the reply's first token: while the reply streams, a pending one is not stale.
      if (row.analysis === 'pending' && !background.isAnalysing(row.id) && !streams.isActive(row.conversationId)) {
        store.updateMessage(profileId, row.id, { analysis: 'failed' });
        return { ...row, analysis: 'failed' as const };
      }
      return row;
    });

  const lastMessages = (profileId: string, conversationId: string, limit = RECENT_FOR_PROMPT) =>
    settleStale(profileId, store.pageBefore(profileId, conversationId, null, limit));

  /** The conversation prompt from what is stored: learner, scenario, summary and the recent turns. */
  const preparePrompt = (profileId: string, conversation: ConversationRow) => {
    const scenario = scenarioOf(conversation);
    const ctx = learners.build(profileId, scenario);
    const recent = store.pageBefore(profileId, conversation.id, null, RECENT_FOR_PROMPT);
    const built = buildConversationPrompt(ctx, { text: conversation.summary, through: conversation.summaryThrough }, recent, deps.budget);
    return { scenario, ctx, built };
  };

  /** Builds the prompt and starts streaming into `messageId` (an empty placeholder, or the text to continue). */
  const startReply = (caller: TutorCaller, conversation: ConversationRow, messageId: string, prefix = '', extra: ChatMessage[] = [], onFirstToken?: (ctx: LearnerContext) => void, voice?: VoiceReply) => {
    const { scenario, ctx, built } = preparePrompt(caller.profileId, conversation);
    const [system, ...turns] = built.messages;
    const messages = voice ? [system!, { role: 'system' as const, content: voiceSystemPrompt() }, ...turns] : built.messages;
    streams.start({
      listener: voice?.listener,
      onFirstToken: onFirstToken && (() => onFirstToken(ctx)),
      caller,
      audience: caller.audience,
      conversationId: conversation.id,
      messageId,
      prefix,
      messages: [...messages, ...extra],
      scenarioId: scenario && !conversation.goalReachedAt ? scenario.id : null,
      after: (status) => {
        if (status !== 'error' && built.unsummarized.length) background.summarize(caller, ctx, conversation.id, conversation.summary, built.unsummarized);
      },
    });
  };

  /** Stores a learner message, then (when a model is set up) a streaming reply and the analysis beside it. */
  const postLearnerMessage = (caller: TutorCaller, conversation: ConversationRow, text: string, clientMessageId: string, voice?: VoiceReply) => {
    const learnerFields = { role: 'learner' as const, text, status: 'complete' as const, clientMessageId };
    if (!deps.llm.isConfigured(caller.profileId)) return { learner: store.addMessage(caller.profileId, conversation.id, learnerFields), replyMessageId: null };
    const previousTutor = lastMessages(caller.profileId, conversation.id, 1).find((m) => m.role === 'tutor') ?? null;
    // The learner's words and the reply's placeholder commit together, before any model call.
    const [learner, reply] = store.addMessages(caller.profileId, conversation.id, [
      { ...learnerFields, analysis: 'pending' },
      { role: 'tutor', text: '', status: 'streaming' },
    ]);
    startReply(caller, conversation, reply!.id, '', [], (ctx) => background.analyse(caller, caller.audience, ctx, learner!, previousTutor?.text || null), voice);
    return { learner: learner!, replyMessageId: reply!.id };
  };

  const asContractError = (error: unknown): never => {
    if (error instanceof LlmError) {
      const problem = problemOf(error);
      throw new ContractError(error.problem === 'quota' ? 'RATE_LIMITED' : 'UNAVAILABLE', problem.message, { problem: problem.code });
    }
    throw error;
  };

  const oneMessage = (profileId: string, row: MessageRow) => store.toMessages(profileId, [row])[0]!;
  /** A message just written: it has no corrections yet, so no query for them. */
  const fresh = (row: MessageRow) => ({ id: row.id, conversationId: row.conversationId, role: row.role, text: row.text, status: row.status, error: row.error, createdAt: row.createdAt, corrections: [], analysis: row.analysis, translation: row.translation });

  return {
    scenarios(profileId: string, level: CefrLevel | null) {
      const { targetLanguage } = learners.languages(profileId);
      return library.list(learners.uiLanguage(profileId), targetLanguage, level);
    },

    list: (profileId: string, limit: number, offset: number) => store.list(profileId, limit, offset),

    start(caller: TutorCaller, input: { scenarioId: string | null; title: string | null; tutorOpens: boolean }) {
      const scenario = input.scenarioId ? library.get(input.scenarioId) : null;
      if (input.scenarioId && !scenario) throw new ContractError('NOT_FOUND', 'That scenario is not in the library.');
      const ui = learners.uiLanguage(caller.profileId);
      const title = input.title ?? (scenario ? scenario.title[ui] : ui === 'es' ? 'Conversación libre' : FREE_TALK_TITLE);
      const row = store.create(caller.profileId, title, scenario?.id ?? null);
      let replyMessageId: string | null = null;
      if (input.tutorOpens && deps.llm.isConfigured(caller.profileId)) {
        replyMessageId = store.addMessage(caller.profileId, row.id, { role: 'tutor', text: '', status: 'streaming' }).id;
        startReply(caller, store.conversationRow(caller.profileId, row.id), replyMessageId);
      }
      return { conversation: store.toConversation(store.conversationRow(caller.profileId, row.id)), replyMessageId };
    },

    open(profileId: string, conversationId: string, beforeId: string | null, limit: number) {
      const row = store.conversationRow(profileId, conversationId);
      const before = beforeId ? store.messageRow(profileId, beforeId) : null;
      if (before && before.conversationId !== conversationId) throw new ContractError('NOT_FOUND', 'That message is not in this conversation.');
      const page = settleStale(profileId, store.pageBefore(profileId, conversationId, before, limit + 1));
      const scenario = scenarioOf(row);
      const { targetLanguage } = learners.languages(profileId);
      return {
        conversation: store.toConversation(row),
        scenario: scenario ? summarizeScenario(scenario, learners.uiLanguage(profileId), targetLanguage) : null,
        messages: store.toMessages(profileId, page.slice(0, limit).reverse()),
        hasMore: page.length > limit,
      };
    },

    rename(profileId: string, conversationId: string, title: string) {
      store.conversationRow(profileId, conversationId);
      store.update(profileId, conversationId, { title });
      return store.toConversation(store.conversationRow(profileId, conversationId));
    },

    async delete(profileId: string, conversationId: string) {
      store.conversationRow(profileId, conversationId);
      await streams.stop(conversationId);
      store.remove(profileId, conversationId);
    },

    restore(profileId: string, conversationId: string) {
      const row = store.conversationRow(profileId, conversationId, true);
      if (row.deletedAt !== null) store.restore(profileId, conversationId);
      return store.toConversation(store.conversationRow(profileId, conversationId));
    },

    search: (profileId: string, query: string, limit: number, offset: number) => searchIndex.search(profileId, query, limit, offset),

    /** A learner message and the reply to it; `voice` for a spoken turn (see VoiceReply). */
    send(caller: TutorCaller, conversationId: string, text: string, clientMessageId: string, voice?: VoiceReply) {
      const conversation = store.conversationRow(caller.profileId, conversationId);
      const existing = store.byClientId(caller.profileId, clientMessageId);
      if (existing) {
        if (existing.conversationId !== conversationId || existing.deletedAt !== null) throw new ContractError('CONFLICT', 'That message was already sent elsewhere or replaced.');
        const reply = store.after(caller.profileId, existing);
        return { learnerMessage: oneMessage(caller.profileId, existing), replyMessageId: reply?.role === 'tutor' ? reply.id : null };
      }
      assertIdle(conversationId);
      const { learner, replyMessageId } = postLearnerMessage(caller, conversation, text, clientMessageId, voice);
      return { learnerMessage: fresh(learner), replyMessageId };
    },

    stop: (conversationId: string) => streams.stop(conversationId),

    assertOwned: (profileId: string, conversationId: string) => void store.conversationRow(profileId, conversationId),

    regenerate(caller: TutorCaller, conversationId: string) {
      const conversation = store.conversationRow(caller.profileId, conversationId);
      assertIdle(conversationId);
      const [last] = lastMessages(caller.profileId, conversationId, 1);
      if (!last || last.role !== 'tutor') throw new ContractError('CONFLICT', 'There is no tutor reply to regenerate.');
      if (!deps.llm.isConfigured(caller.profileId)) asContractError(new LlmError('not_configured'));
      store.removeMessages(caller.profileId, [last.id]);
      const reply = store.addMessage(caller.profileId, conversationId, { role: 'tutor', text: '', status: 'streaming' });
      startReply(caller, conversation, reply.id);
      return { replacedMessageId: last.id, replyMessageId: reply.id };
    },

    editLast(caller: TutorCaller, conversationId: string, text: string, clientMessageId: string) {
      const conversation = store.conversationRow(caller.profileId, conversationId);
      assertIdle(conversationId);
      const recent = lastMessages(caller.profileId, conversationId, RECENT_FOR_PROMPT);
      const index = recent.findIndex((m) => m.role === 'learner');
      if (index < 0) throw new ContractError('CONFLICT', 'There is no message of yours to edit.');
      const replaced = recent.slice(0, index + 1).map((m) => m.id);
      store.removeMessages(caller.profileId, replaced);
      const { learner, replyMessageId } = postLearnerMessage(caller, conversation, text, clientMessageId);
      return { replacedMessageIds: replaced, learnerMessage: fresh(learner), replyMessageId };
    },

    continue(caller: TutorCaller, conversationId: string) {
      const conversation = store.conversationRow(caller.profileId, conversationId);
      assertIdle(conversationId);
      const [last] = lastMessages(caller.profileId, conversationId, 1);
      if (!last || last.role !== 'tutor' || last.status !== 'incomplete') throw new ContractError('CONFLICT', 'There is no unfinished reply to continue.');
      if (!deps.llm.isConfigured(caller.profileId)) asContractError(new LlmError('not_configured'));
      store.updateMessage(caller.profileId, last.id, { status: 'streaming', error: null });
      const extra: ChatMessage[] = last.text ? [{ role: 'user', content: CONTINUE_INSTRUCTION }] : [];
      startReply(caller, conversation, last.id, last.text, extra);
      return { replyMessageId: last.id };
    },

    async translate(caller: LlmCaller, messageId: string) {
      const message = store.messageRow(caller.profileId, messageId);
      if (message.translation) return message.translation;
      const ctx = learners.build(caller.profileId, null);
      const translation = await deps.llm.complete(caller, 'analysis', { messages: translateMessages(ctx, message.text) }).catch(asContractError);
      store.updateMessage(caller.profileId, messageId, { translation: translation.trim() });
      return translation.trim();
    },

    async explain(caller: LlmCaller, messageId: string, selection: string | null) {
      const message = store.messageRow(caller.profileId, messageId);
      const ctx = learners.build(caller.profileId, null);
      const text = await deps.llm.complete(caller, 'analysis', { messages: explainMessages(ctx, message.text, selection) }).catch(asContractError);
      return text.trim();
    },

    async suggestWords(caller: LlmCaller, messageId: string): Promise<WordSuggestion[]> {
      const message = store.messageRow(caller.profileId, messageId);
      if (message.role === 'learner') {
        const [view] = store.toMessages(caller.profileId, [message]);
        const fixed = correctedText(message.text, view!.corrections);
        return view!.corrections
          .filter((c) => c.corrected && c.corrected.split(/\s+/).length <= 4)
          .map((c) => ({ term: c.corrected, translation: '', sentence: sentenceWith(c.corrected, fixed), origin: 'correction' as const }));
      }
      const conversation = store.conversationRow(caller.profileId, message.conversationId);
      const ctx = learners.build(caller.profileId, scenarioOf(conversation));
      try {
        const reply = await deps.llm.complete(caller, 'analysis', { messages: wordsMessages(ctx, plainText(message.text)), jsonSchema: { name: WORDS_SCHEMA_NAME, schema: wordsJsonSchema() } });
        return parseWords(reply).map((w) => ({ ...w, sentence: sentenceWith(w.term, message.text), origin: 'tutor' as const }));
      } catch {
        const scenario = scenarioOf(conversation);
        if (!scenario) return [];
        const terms = scenarioVocabularyIn(scenario, ctx.targetLanguage);
        return scenario.vocabulary
          .map((v, i) => ({ term: terms[i]!, translation: ctx.nativeLanguage === 'en' ? v.concept : '' }))
          .filter((w) => message.text.toLowerCase().includes(w.term.toLowerCase()))
          .map((w) => ({ ...w, sentence: sentenceWith(w.term, message.text), origin: 'scenario' as const }));
      }
    },

    addWord(profileId: string, input: { messageId: string; deckId: string; term: string; translation: string; sentence: string | null }) {
      const message = store.messageRow(profileId, input.messageId);
      const [view] = store.toMessages(profileId, [message]);
      const source = message.role === 'learner' ? correctedText(message.text, view!.corrections) : message.text;
      const sentence = input.sentence ? plainText(input.sentence) : sentenceWith(input.term, source);
      return captureWord(deps.db, deps.notes, profileId, { deckId: input.deckId, term: input.term, translation: input.translation, sentence });
    },

    correctionCounts: (profileId: string, since: number | null) => countCorrections(deps.db, profileId, since),

    offlineDrills: (profileId: string, deckId: string | null, count: number, kinds: DrillKind[]) => drills.build(profileId, deckId, count, kinds),

    recordDrill(profileId: string, noteId: string, kind: DrillKind, answer: string) {
      return drills.record(profileId, noteId, kind, answer, deps.settings.get(profileId).forgiveDiacritics);
    },

    /** The prompt the next reply in a conversation would get (benchmarks and tests). */
    promptFor: (profileId: string, conversationId: string) => preparePrompt(profileId, store.conversationRow(profileId, conversationId)).built,

    /** Tests and shutdown: wait for replies and analyses in flight. */
    async settle(): Promise<void> {
      await background.idle();
    },
    settled: (conversationId: string) => streams.settled(conversationId),
    stopAll: async () => {
      await streams.stopAll();
      await background.idle();
    },
  };
}
