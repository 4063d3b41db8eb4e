import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../src-shared/contract/errors';
import type { UndoStep } from './bulk-actions';

interface Entry {
  id: string;
  affected: number;
  steps: UndoStep[];
  size: number;
}

const stepSize = (step: UndoStep) => ('restore' in step ? step.restore.length : step.rows.length);

/**
 * The last bulk changes of each profile, newest last, kept in memory only (an undo does not survive a restart).
 * Undo goes back in order, so each undo finds the rows exactly as its change left them. Very large changes are
 * forgotten first when the total grows past `maxRows`, to keep memory bounded.
 */
export function createUndoHistory(maxEntries = 20, maxRows = 400_000) {
  const byProfile = new Map<string, Entry[]>();

  return {
    push(profileId: string, affected: number, steps: UndoStep[]): string {
      const entries = byProfile.get(profileId) ?? [];
      entries.push({ id: randomUUID(), affected, steps, size: steps.reduce((n, s) => n + stepSize(s), 0) });
      let total = entries.reduce((n, e) => n + e.size, 0);
      while (entries.length > maxEntries || (entries.length > 1 && total > maxRows)) total -= entries.shift()!.size;
      byProfile.set(profileId, entries);
      return entries[entries.length - 1]!.id;
    },

    /** Runs `undo` on the newest change if it is the one asked for, and forgets it once undone. */
    undo(profileId: string, undoId: string, undo: (steps: UndoStep[]) => void): number {
      const entries = byProfile.get(profileId) ?? [];
      const index = entries.findIndex((e) => e.id === undoId);
      if (index < 0) throw new ContractError('NOT_FOUND', 'That change can no longer be undone.');
      if (index !== entries.length - 1) throw new ContractError('CONFLICT', 'Undo the later changes first.');
      const entry = entries[index]!;
      undo(entry.steps);
      entries.pop();
      return entry.affected;
    },
  };
}
