import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { bulkAction } from '../../../src-shared/contract/browse';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Mutator } from '../../../db/mutate';
import { cards, notes } from '../../../db/schema';
import { tagsFromText, tagsToText } from '../notes/notes-service';

export type BulkAction = z.output<typeof bulkAction>;

/** How to put back what a bulk action changed: earlier values to write again, or tombstones to lift. */
export type UndoStep =
  | { table: 'cards'; rows: { id: string; patch: Partial<typeof cards.$inferInsert> }[] }
  | { table: 'notes'; rows: { id: string; patch: Partial<typeof notes.$inferInsert> }[] }
  | { table: 'cards' | 'notes'; restore: string[] };

interface Selected {
  id: string;
  noteId: string;
  deckId: string;
  suspended: number;
}

interface Context {
  sqlite: Database.Database;
  mutator: Mutator;
  profileId: string;
  selected: Selected[];
}

const ids = (list: string[]) => JSON.stringify(list);
const unique = (list: string[]) => [...new Set(list)];

/*
 * `+profile_id`, `+deleted_at`: rows are found by the ids listed; without statistics SQLite would rather walk every
 * card or note of the profile through an index that starts with those columns.
 */
export const SELECT_CARDS = `SELECT id, note_id AS noteId, deck_id AS deckId, suspended FROM cards
  WHERE id IN (SELECT value FROM json_each(?)) AND +profile_id = ? AND +deleted_at IS NULL`;
export const NOTE_CARD_COUNTS = `SELECT note_id AS noteId, count(*) AS n FROM cards INDEXED BY cards_note
  WHERE note_id IN (SELECT value FROM json_each(?)) AND +profile_id = ? AND +deleted_at IS NULL GROUP BY note_id`;
export const NOTE_ROWS = `SELECT id, deck_id AS deckId, tags FROM notes
  WHERE id IN (SELECT value FROM json_each(?)) AND +profile_id = ? AND +deleted_at IS NULL`;

function selectCards(sqlite: Database.Database, profileId: string, cardIds: string[]): Selected[] {
  return sqlite
    .prepare(SELECT_CARDS)
    .all(ids(unique(cardIds)), profileId) as Selected[];
}

/** Notes whose every live card is selected: those go along when their cards move or are deleted. */
function wholeNotes({ sqlite, profileId, selected }: Context): Set<string> {
  const chosen = new Map<string, number>();
  for (const card of selected) chosen.set(card.noteId, (chosen.get(card.noteId) ?? 0) + 1);
  const counts = sqlite
    .prepare(NOTE_CARD_COUNTS)
    .all(ids([...chosen.keys()]), profileId) as { noteId: string; n: number }[];
  return new Set(counts.filter((c) => chosen.get(c.noteId) === c.n).map((c) => c.noteId));
}

function noteRows({ sqlite, profileId }: Context, noteIds: string[]) {
  return sqlite
    .prepare(NOTE_ROWS)
    .all(ids(noteIds), profileId) as { id: string; deckId: string; tags: string }[];
}

function move(ctx: Context, deckId: string): UndoStep[] {
  const movedCards = ctx.selected.filter((c) => c.deckId !== deckId);
  const movedNotes = noteRows(ctx, [...wholeNotes(ctx)]).filter((n) => n.deckId !== deckId);
  ctx.mutator.updateMany(
    cards,
    ctx.profileId,
    movedCards.map((c) => ({ id: c.id, patch: { deckId } })),
  );
  ctx.mutator.updateMany(
    notes,
    ctx.profileId,
    movedNotes.map((n) => ({ id: n.id, patch: { deckId } })),
  );
  return [
    { table: 'cards', rows: movedCards.map((c) => ({ id: c.id, patch: { deckId: c.deckId } })) },
    { table: 'notes', rows: movedNotes.map((n) => ({ id: n.id, patch: { deckId: n.deckId } })) },
  ];
}

function retag(ctx: Context, tag: string, add: boolean): UndoStep[] {
  const changed = noteRows(ctx, unique(ctx.selected.map((c) => c.noteId)))
    .map((n) => {
      const before = tagsFromText(n.tags);
      const after = add ? [...before, tag] : before.filter((t) => t !== tag);
      return { id: n.id, before: n.tags, after: tagsToText(after) };
    })
    .filter((n) => n.after !== n.before);
  ctx.mutator.updateMany(
    notes,
    ctx.profileId,
    changed.map((n) => ({ id: n.id, patch: { tags: n.after } })),
  );
  return [{ table: 'notes', rows: changed.map((n) => ({ id: n.id, patch: { tags: n.before } })) }];
}

function suspend(ctx: Context, suspended: boolean): UndoStep[] {
  const changed = ctx.selected.filter((c) => Boolean(c.suspended) !== suspended);
  ctx.mutator.updateMany(
    cards,
    ctx.profileId,
    changed.map((c) => ({ id: c.id, patch: { suspended } })),
  );
  return [{ table: 'cards', rows: changed.map((c) => ({ id: c.id, patch: { suspended: !suspended } })) }];
}

/** A note goes with its cards only when all of them are selected; otherwise just the chosen cards go. */
function remove(ctx: Context): UndoStep[] {
  const whole = [...wholeNotes(ctx)];
  const cardIds = ctx.selected.map((c) => c.id);
  ctx.mutator.removeMany(cards, ctx.profileId, cardIds);
  ctx.mutator.removeMany(notes, ctx.profileId, whole);
  return [
    { table: 'cards', restore: cardIds },
    { table: 'notes', restore: whole },
  ];
}

/** Applies a bulk action to the profile's selected cards in one transaction; returns the steps that undo it. */
export function applyBulk(
  sqlite: Database.Database,
  mutator: Mutator,
  profileId: string,
  cardIds: string[],
  action: BulkAction,
) {
  const selected = selectCards(sqlite, profileId, cardIds);
  if (!selected.length) throw new ContractError('NOT_FOUND', 'None of those cards are in your decks any more.');
  const ctx: Context = { sqlite, mutator, profileId, selected };
  const undo = sqlite.transaction((): UndoStep[] => {
    switch (action.kind) {
      case 'move':
        return move(ctx, action.deckId);
      case 'addTag':
        return retag(ctx, action.tag, true);
      case 'removeTag':
        return retag(ctx, action.tag, false);
      case 'suspend':
        return suspend(ctx, true);
      case 'unsuspend':
        return suspend(ctx, false);
      case 'delete':
        return remove(ctx);
    }
  })();
  return { affected: selected.length, undo };
}

/** Writes the earlier values back, in one transaction. */
export function applyUndo(sqlite: Database.Database, mutator: Mutator, profileId: string, steps: UndoStep[]): void {
  sqlite.transaction(() => {
    for (const step of steps) {
      const table = step.table === 'cards' ? cards : notes;
      if ('restore' in step) mutator.restoreMany(table, profileId, step.restore);
      else if (step.table === 'cards') mutator.updateMany(cards, profileId, step.rows);
      else mutator.updateMany(notes, profileId, step.rows);
    }
  })();
}
