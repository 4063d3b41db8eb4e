import { and, asc, eq, isNull } from 'drizzle-orm';
import { DEFAULT_PRESET } from '../../../src-shared/domain/vocabulary';
import { deckPresets, decks } from '../../../db/schema';
import { buildDeckTree } from '../decks/deck-tree';
import { resolveTimeZone, studyDayAt } from '../review/study-day';
import type { DomainDeps } from '../index';
import { applyBulk, applyUndo, type BulkAction } from './bulk-actions';
import { registerFold, runSearch, type SearchInput } from './search';
import { createUndoHistory } from './undo-history';

export type BrowseService = ReturnType<typeof createBrowseService>;

/** The card browser: search with filters, and bulk edits that can be undone. */
export function createBrowseService({ db, mutator, now, settings, deckRows }: DomainDeps) {
  const history = createUndoHistory();
  registerFold(db.$client);

  const deckTree = (profileId: string) =>
    buildDeckTree(
      db
        .select()
        .from(decks)
        .where(and(eq(decks.profileId, profileId), isNull(decks.deletedAt)))
        .all(),
    );

  /** "Due today" follows the day start of the profile's first preset: one boundary for a list that spans decks. */
  const today = (profileId: string) => {
    const preset = db
      .select({ dayStartHour: deckPresets.dayStartHour })
      .from(deckPresets)
      .where(and(eq(deckPresets.profileId, profileId), isNull(deckPresets.deletedAt)))
      .orderBy(asc(deckPresets.id))
      .get();
    return studyDayAt(
      now(),
      preset?.dayStartHour ?? DEFAULT_PRESET.dayStartHour,
      resolveTimeZone(settings.get(profileId).timeZone),
    );
  };

  return {
    search(profileId: string, input: SearchInput) {
      if (input.deckId) deckRows.get(profileId, input.deckId);
      const tree = deckTree(profileId);
      return runSearch(db.$client, input, {
        profileId,
        deckIds: input.deckId ? tree.subtree(input.deckId) : null,
        day: today(profileId),
        deckName: (deckId) => tree.fullName(deckId),
      });
    },

    bulk(profileId: string, cardIds: string[], action: BulkAction): { affected: number; undoId: string } {
      if (action.kind === 'move') deckRows.get(profileId, action.deckId);
      const { affected, undo } = applyBulk(db.$client, mutator, profileId, cardIds, action);
      return { affected, undoId: history.push(profileId, affected, undo) };
    },

    undo(profileId: string, undoId: string): { restored: number } {
      return { restored: history.undo(profileId, undoId, (steps) => applyUndo(db.$client, mutator, profileId, steps)) };
    },
  };
}
