import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { voiceTurns } from '../../../db/schema';
import { fluencyMetrics, turnTimeline, type FluencyMetrics, type TurnTimeline, type VoiceTurn } from '../../../src-shared/domain/voice';

export type TurnRow = typeof voiceTurns.$inferSelect;

export const EMPTY_TIMELINE: TurnTimeline = {
  speechEndedAt: null,
  transcriptAt: null,
  firstTokenAt: null,
  firstAudioAt: null,
  firstAudioPlayedAt: null,
  bargedInAt: null,
};

export type TurnStore = ReturnType<typeof createTurnStore>;

/** Voice turns in SQLite, scoped by profile; written through the mutator (the table syncs). */
export function createTurnStore({ db, mutator, now }: { db: Db; mutator: Mutator; now: () => number }) {
  const takenStmt = db.$client.prepare('SELECT 1 FROM voice_turns WHERE id = ?').pluck();

  const toTurn = (row: TurnRow): VoiceTurn => {
    const fluency = row.fluency ? fluencyMetrics.safeParse(row.fluency) : null;
    const timeline = turnTimeline.safeParse(row.timeline);
    return {
      turnId: row.id,
      conversationId: row.conversationId,
      learnerMessageId: row.learnerMessageId,
      replyMessageId: row.replyMessageId,
      transcript: row.transcript,
      fluency: fluency?.success ? fluency.data : null,
      timeline: timeline.success ? timeline.data : EMPTY_TIMELINE,
    };
  };

  return {
    toTurn,

    get(profileId: string, turnId: string): TurnRow | null {
      const where = and(eq(voiceTurns.id, turnId), eq(voiceTurns.profileId, profileId), isNull(voiceTurns.deletedAt));
      return db.select().from(voiceTurns).where(where).get() ?? null;
    },

    /** Whether any profile has a turn with this id (ids are global). */
    taken: (turnId: string) => takenStmt.get(turnId) !== undefined,

    insert(profileId: string, turn: VoiceTurn, audioKept: boolean): void {
      mutator.insert(voiceTurns, profileId, {
        id: turn.turnId,
        profileId,
        conversationId: turn.conversationId,
        learnerMessageId: turn.learnerMessageId,
        replyMessageId: turn.replyMessageId,
        transcript: turn.transcript,
        fluency: turn.fluency,
        timeline: turn.timeline,
        audioKept,
        createdAt: now(),
      });
    },

    update(profileId: string, turnId: string, patch: { timeline?: TurnTimeline; fluency?: FluencyMetrics | null; learnerMessageId?: string | null; replyMessageId?: string | null }): void {
      mutator.update(voiceTurns, profileId, turnId, patch);
    },

    listFor(profileId: string, conversationId: string): VoiceTurn[] {
      return db
        .select()
        .from(voiceTurns)
        .where(and(eq(voiceTurns.profileId, profileId), eq(voiceTurns.conversationId, conversationId), isNull(voiceTurns.deletedAt)))
        .orderBy(asc(voiceTurns.createdAt), asc(voiceTurns.id))
        .all()
        .map(toTurn);
    },
  };
}
