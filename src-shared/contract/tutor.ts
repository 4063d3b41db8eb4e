import { z } from 'zod';
import { defineContract } from './define';
import { correctionCounts } from '../domain/corrections';
import { cefrLevel } from '../domain/languages';
import { id, label } from '../domain/text';
import {
  conversation,
  drill,
  drillKind,
  drillTotals,
  scenarioId,
  scenarioSummary,
  tutorMessage,
  tutorSearchHit,
  wordSuggestion,
} from '../domain/tutor';
import { note } from '../domain/vocabulary';

const listQueries = ['tutor:list', 'tutor:search'];
const openQueries = ['tutor:open', ...listQueries];
const learnerText = z.string().max(16_000).transform((s) => s.trim()).pipe(z.string().min(1).max(4000));

export const tutorScenarios = defineContract({
  channel: 'tutor:scenarios',
  input: z.strictObject({ level: cefrLevel.nullable().default(null) }),
  output: z.object({ scenarios: z.array(scenarioSummary) }),
});

export const tutorList = defineContract({
  channel: 'tutor:list',
  input: z.strictObject({
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  }),
  output: z.object({ total: z.number().int(), conversations: z.array(conversation) }),
});

export const tutorStart = defineContract({
  channel: 'tutor:start',
  input: z.strictObject({
    scenarioId: scenarioId.nullable().default(null),
    title: label(120).nullable().default(null),
    /** The tutor speaks first (streamed like any reply). */
    tutorOpens: z.boolean().default(false),
  }),
  output: z.object({ conversation, replyMessageId: id.nullable() }),
  invalidates: listQueries,
});

export const tutorOpen = defineContract({
  channel: 'tutor:open',
  input: z.strictObject({
    conversationId: id,
    /** Page backwards: messages older than this one. Absent: the latest page. */
    before: id.nullable().default(null),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  output: z.object({
    conversation,
    scenario: scenarioSummary.nullable(),
    /** Oldest first. */
    messages: z.array(tutorMessage),
    hasMore: z.boolean(),
  }),
});

export const tutorRename = defineContract({
  channel: 'tutor:rename',
  input: z.strictObject({ conversationId: id, title: label(120) }),
  output: z.object({ conversation }),
  invalidates: openQueries,
});

export const tutorDelete = defineContract({
  channel: 'tutor:delete',
  input: z.strictObject({ conversationId: id }),
  output: z.object({ conversationId: id }),
  invalidates: openQueries,
});

export const tutorRestore = defineContract({
  channel: 'tutor:restore',
  input: z.strictObject({ conversationId: id }),
  output: z.object({ conversation }),
  invalidates: openQueries,
});

export const tutorSearch = defineContract({
  channel: 'tutor:search',
  input: z.strictObject({
    query: z.string().max(500),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  }),
  output: z.object({ total: z.number().int(), hits: z.array(tutorSearchHit) }),
});

export const tutorSend = defineContract({
  channel: 'tutor:send',
  input: z.strictObject({
    conversationId: id,
    text: learnerText,
    /** A UUIDv7 the UI makes per typed message: sending it again never stores a second copy. */
    clientMessageId: id,
  }),
  output: z.object({ learnerMessage: tutorMessage, replyMessageId: id.nullable() }),
  invalidates: listQueries,
});

export const tutorStop = defineContract({
  channel: 'tutor:stop',
  input: z.strictObject({ conversationId: id }),
  output: z.object({ stopped: z.boolean() }),
});

export const tutorRegenerate = defineContract({
  channel: 'tutor:regenerate',
  input: z.strictObject({ conversationId: id }),
  output: z.object({ replacedMessageId: id, replyMessageId: id }),
  invalidates: listQueries,
});

export const tutorEditLast = defineContract({
  channel: 'tutor:editLast',
  input: z.strictObject({ conversationId: id, text: learnerText, clientMessageId: id }),
  output: z.object({ replacedMessageIds: z.array(id), learnerMessage: tutorMessage, replyMessageId: id.nullable() }),
  invalidates: listQueries,
});

export const tutorContinue = defineContract({
  channel: 'tutor:continue',
  input: z.strictObject({ conversationId: id }),
  output: z.object({ replyMessageId: id }),
});

export const tutorTranslate = defineContract({
  channel: 'tutor:translate',
  input: z.strictObject({ messageId: id }),
  output: z.object({ messageId: id, translation: z.string() }),
});

export const tutorExplain = defineContract({
  channel: 'tutor:explain',
  input: z.strictObject({ messageId: id, selection: z.string().max(1000).nullable().default(null) }),
  output: z.object({ messageId: id, explanation: z.string() }),
});

export const tutorSuggestWords = defineContract({
  channel: 'tutor:suggestWords',
  input: z.strictObject({ messageId: id }),
  output: z.object({ words: z.array(wordSuggestion) }),
});

export const tutorAddWord = defineContract({
  channel: 'tutor:addWord',
  input: z.strictObject({
    messageId: id,
    deckId: id,
    term: label(200),
    translation: label(500),
    /** The example; absent: the sentence of the message that holds the term. */
    sentence: z.string().trim().max(1000).nullable().default(null),
  }),
  output: z.object({ note, duplicate: z.boolean() }),
  invalidates: ['decks:list', 'browse:search', 'review:next', 'tutor:offlineDrills'],
});

export const tutorCorrectionCounts = defineContract({
  channel: 'tutor:correctionCounts',
  input: z.strictObject({ since: z.number().int().min(0).nullable().default(null) }),
  output: z.object({ counts: correctionCounts, total: z.number().int(), messagesAnalysed: z.number().int() }),
});

export const tutorOfflineDrills = defineContract({
  channel: 'tutor:offlineDrills',
  input: z.strictObject({
    deckId: id.nullable().default(null),
    count: z.number().int().min(1).max(50).default(10),
    kinds: z.array(drillKind).min(1).max(4).default(['cloze', 'translate', 'choice', 'order']),
  }),
  output: z.object({ drills: z.array(drill), totals: drillTotals }),
});

export const tutorRecordDrill = defineContract({
  channel: 'tutor:recordDrill',
  input: z.strictObject({ noteId: id, kind: drillKind, answer: z.string().max(2000) }),
  output: z.object({ correct: z.boolean(), expected: z.string(), totals: drillTotals }),
  invalidates: ['tutor:offlineDrills'],
});

export const tutorContract = [
  tutorScenarios,
  tutorList,
  tutorStart,
  tutorOpen,
  tutorRename,
  tutorDelete,
  tutorRestore,
  tutorSearch,
  tutorSend,
  tutorStop,
  tutorRegenerate,
  tutorEditLast,
  tutorContinue,
  tutorTranslate,
  tutorExplain,
  tutorSuggestWords,
  tutorAddWord,
  tutorCorrectionCounts,
  tutorOfflineDrills,
  tutorRecordDrill,
] as const;
