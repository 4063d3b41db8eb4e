import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { newId } from '../../../db/ids';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { tutorConversations, tutorCorrections, tutorMessages } from '../../../db/schema';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Correction } from '../../../src-shared/domain/corrections';
import type { Conversation, MessageRole, MessageStatus, TutorMessage } from '../../../src-shared/domain/tutor';

export type ConversationRow = typeof tutorConversations.$inferSelect;
export type MessageRow = typeof tutorMessages.$inferSelect;

const PREVIEW_CHARS = 120;

export type ConversationStore = ReturnType<typeof createConversationStore>;

export interface NewMessage {
  role: MessageRole;
  text: string;
  status: MessageStatus;
  clientMessageId?: string | null;
  analysis?: MessageRow['analysis'];
}

/** `+profile_id`: without statistics SQLite would rather walk the profile's messages than the conversation's. */
export const MESSAGE_COUNT = 'SELECT count(*) FROM tutor_messages WHERE conversation_id = ? AND +profile_id = ? AND deleted_at IS NULL';

/** Conversations and their messages in SQLite. Every query is scoped by the profile; writes go through the mutator. */
export function createConversationStore({ db, mutator, now }: { db: Db; mutator: Mutator; now: () => number }) {
  const sqlite = db.$client;
  const countStmt = sqlite.prepare(MESSAGE_COUNT).pluck();
  const lastStmt = sqlite
    .prepare('SELECT text FROM tutor_messages WHERE conversation_id = ? AND profile_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1')
    .pluck();
  const pageStmt = sqlite.prepare(
    `SELECT * FROM tutor_messages WHERE conversation_id = ? AND profile_id = ? AND deleted_at IS NULL
       AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?`,
  );

  const conversationStmt = sqlite.prepare('SELECT * FROM tutor_conversations WHERE id = ? AND profile_id = ?');
  const clientStmt = sqlite.prepare('SELECT * FROM tutor_messages WHERE profile_id = ? AND client_message_id = ?');
  const messageStmt = sqlite.prepare('SELECT * FROM tutor_messages WHERE id = ? AND profile_id = ? AND deleted_at IS NULL');

  const conversationRow = (profileId: string, conversationId: string, includeDeleted = false): ConversationRow => {
    const raw = conversationStmt.get(conversationId, profileId) as RawConversation | undefined;
    const row = raw ? fromRawConversation(raw) : undefined;
    if (!row || (row.deletedAt !== null && !includeDeleted)) throw new ContractError('NOT_FOUND', 'That conversation does not exist.');
    return row;
  };

  const toConversation = (row: ConversationRow): Conversation => ({
    id: row.id,
    title: row.title,
    scenarioId: row.scenarioId,
    goalReachedAt: row.goalReachedAt,
    createdAt: row.createdAt,
    lastMessageAt: row.lastMessageAt,
    messageCount: countStmt.get(row.id, row.profileId) as number,
    preview: ((lastStmt.get(row.id, row.profileId) as string | undefined) ?? '').slice(0, PREVIEW_CHARS),
  });

  const correctionsFor = (profileId: string, messageIds: string[]): Map<string, Correction[]> => {
    const byMessage = new Map<string, Correction[]>();
    if (!messageIds.length) return byMessage;
    const rows = db
      .select()
      .from(tutorCorrections)
      .where(and(eq(tutorCorrections.profileId, profileId), inArray(tutorCorrections.messageId, messageIds), isNull(tutorCorrections.deletedAt)))
      .orderBy(tutorCorrections.position)
      .all();
    for (const r of rows) {
      const list = byMessage.get(r.messageId) ?? [];
      list.push({ original: r.original, corrected: r.corrected, explanation: r.explanation, category: r.category, severity: r.severity });
      byMessage.set(r.messageId, list);
    }
    return byMessage;
  };

  const toMessages = (profileId: string, rows: MessageRow[]): TutorMessage[] => {
    const corrections = correctionsFor(profileId, rows.filter((r) => r.role === 'learner').map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      conversationId: r.conversationId,
      role: r.role,
      text: r.text,
      status: r.status,
      error: r.error,
      createdAt: r.createdAt,
      corrections: corrections.get(r.id) ?? [],
      analysis: r.analysis,
      translation: r.translation,
    }));
  };

  const messageRow = (profileId: string, messageId: string): MessageRow => {
    const raw = messageStmt.get(messageId, profileId) as RawMessage | undefined;
    const row = raw ? fromRaw(raw) : undefined;
    if (!row) throw new ContractError('NOT_FOUND', 'That message does not exist.');
    conversationRow(profileId, row.conversationId);
    return row;
  };

  const insertMessage = (profileId: string, conversationId: string, fields: NewMessage, at: number): MessageRow => {
    const id = newId();
    mutator.insert(tutorMessages, profileId, {
      id,
      profileId,
      conversationId,
      role: fields.role,
      text: fields.text,
      status: fields.status,
      error: null,
      clientMessageId: fields.clientMessageId ?? null,
      analysis: fields.analysis ?? 'none',
      translation: null,
      createdAt: at,
    });
    return { id, profileId, conversationId, role: fields.role, text: fields.text, status: fields.status, error: null, clientMessageId: fields.clientMessageId ?? null, analysis: fields.analysis ?? 'none', translation: null, createdAt: at, updatedAt: '', deletedAt: null };
  };

  /** Messages written in one transaction, with the conversation's last-message time moved once. */
  const addMessages = (profileId: string, conversationId: string, list: NewMessage[]): MessageRow[] =>
    sqlite.transaction(() => {
      const at = now();
      const rows = list.map((fields) => insertMessage(profileId, conversationId, fields, at));
      mutator.update(tutorConversations, profileId, conversationId, { lastMessageAt: at });
      return rows;
    })();

  const addMessage = (profileId: string, conversationId: string, fields: NewMessage): MessageRow => addMessages(profileId, conversationId, [fields])[0]!;

  return {
    conversationRow,
    toConversation,
    toMessages,
    messageRow,

    create(profileId: string, title: string, scenarioId: string | null): ConversationRow {
      const at = now();
      const id = mutator.insert(tutorConversations, profileId, { id: newId(), profileId, title, scenarioId, createdAt: at, lastMessageAt: at });
      return conversationRow(profileId, id);
    },

    list(profileId: string, limit: number, offset: number) {
      const live = and(eq(tutorConversations.profileId, profileId), isNull(tutorConversations.deletedAt));
      const total = db.select({ n: sql<number>`count(*)` }).from(tutorConversations).where(live).get()?.n ?? 0;
      const rows = db.select().from(tutorConversations).where(live).orderBy(desc(tutorConversations.lastMessageAt), desc(tutorConversations.id)).limit(limit).offset(offset).all();
      return { total, conversations: rows.map(toConversation) };
    },

    update(profileId: string, conversationId: string, patch: Partial<Pick<ConversationRow, 'title' | 'goalReachedAt' | 'summary' | 'summaryThrough' | 'lastMessageAt'>>) {
      mutator.update(tutorConversations, profileId, conversationId, patch);
    },

    remove: (profileId: string, conversationId: string) => mutator.remove(tutorConversations, profileId, conversationId),
    restore: (profileId: string, conversationId: string) => mutator.restoreMany(tutorConversations, profileId, [conversationId]),

    /** Messages older than `before` (the latest when null), newest first, at most `limit`. */
    pageBefore(profileId: string, conversationId: string, before: { createdAt: number; id: string } | null, limit: number): MessageRow[] {
      const at = before ?? { createdAt: Number.MAX_SAFE_INTEGER, id: '\uffff' };
      return (pageStmt.all(conversationId, profileId, at.createdAt, at.id, limit) as RawMessage[]).map(fromRaw);
    },

    addMessage,

    /** Several messages in one transaction (a learner message and the reply placeholder: one commit). */
    addMessages,

    updateMessage(profileId: string, messageId: string, patch: Partial<Pick<MessageRow, 'text' | 'status' | 'error' | 'analysis' | 'translation'>>) {
      mutator.update(tutorMessages, profileId, messageId, patch);
    },

    removeMessages: (profileId: string, ids: string[]) => (ids.length ? mutator.removeMany(tutorMessages, profileId, ids) : undefined),

    byClientId(profileId: string, clientMessageId: string): MessageRow | null {
      const raw = clientStmt.get(profileId, clientMessageId) as RawMessage | undefined;
      return raw ? fromRaw(raw) : null;
    },

    /** The message right after another one in its conversation (the reply to a learner message). */
    after(profileId: string, message: MessageRow): MessageRow | null {
      const row = sqlite
        .prepare(
          `SELECT * FROM tutor_messages WHERE conversation_id = ? AND profile_id = ? AND deleted_at IS NULL
             AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT 1`,
        )
        .get(message.conversationId, profileId, message.createdAt, message.id) as RawMessage | undefined;
      return row ? fromRaw(row) : null;
    },

    saveCorrections(profileId: string, message: MessageRow, corrections: Correction[]) {
      const at = now();
      sqlite.transaction(() => {
        corrections.forEach((c, position) =>
          mutator.insert(tutorCorrections, profileId, { id: newId(), profileId, messageId: message.id, conversationId: message.conversationId, position, ...c, createdAt: at }),
        );
        mutator.update(tutorMessages, profileId, message.id, { analysis: 'done' });
      })();
    },
  };
}

interface RawMessage {
  id: string;
  profile_id: string;
  conversation_id: string;
  role: MessageRole;
  text: string;
  status: MessageStatus;
  error: string | null;
  client_message_id: string | null;
  analysis: MessageRow['analysis'];
  translation: string | null;
  created_at: number;
  updated_at: string;
  deleted_at: number | null;
}

function fromRaw(r: RawMessage): MessageRow {
  return {
    id: r.id,
    profileId: r.profile_id,
    conversationId: r.conversation_id,
    role: r.role,
    text: r.text,
    status: r.status,
    error: r.error,
    clientMessageId: r.client_message_id,
    analysis: r.analysis,
    translation: r.translation,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

interface RawConversation {
  id: string;
  profile_id: string;
  title: string;
  scenario_id: string | null;
  goal_reached_at: number | null;
  summary: string;
  summary_through: number;
  created_at: number;
  last_message_at: number;
  updated_at: string;
  deleted_at: number | null;
}

function fromRawConversation(r: RawConversation): ConversationRow {
  return {
    id: r.id,
    profileId: r.profile_id,
    title: r.title,
    scenarioId: r.scenario_id,
    goalReachedAt: r.goal_reached_at,
    summary: r.summary,
    summaryThrough: r.summary_through,
    createdAt: r.created_at,
    lastMessageAt: r.last_message_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}
