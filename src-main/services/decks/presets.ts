import { and, asc, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { ContractError } from '../../../src-shared/contract/errors';
import { DEFAULT_PRESET, type Preset } from '../../../src-shared/domain/vocabulary';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { deckPresets } from '../../../db/schema';

type PresetRow = typeof deckPresets.$inferSelect;

export function toPreset(row: PresetRow): Preset {
  return {
    id: row.id,
    name: row.name,
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    reviewsPerDay: row.reviewsPerDay,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    maximumInterval: row.maximumInterval,
    fuzz: row.fuzz,
    dayStartHour: row.dayStartHour,
    leechThreshold: row.leechThreshold,
    leechSuspend: row.leechSuspend,
    fsrsWeights: row.fsrsWeights ?? null,
  };
}

export type PresetsService = ReturnType<typeof createPresetsService>;

export function createPresetsService({ db, mutator }: { db: Db; mutator: Mutator }) {
  const live = (profileId: string) => and(eq(deckPresets.profileId, profileId), isNull(deckPresets.deletedAt));
  return {
    /** The profile's default preset, created on first use. */
    defaultFor(profileId: string): Preset {
      const existing = db.select().from(deckPresets).where(live(profileId)).orderBy(asc(deckPresets.id)).get();
      if (existing) return toPreset(existing);
      const id = uuidv7();
      mutator.insert(deckPresets, profileId, { id, profileId, ...DEFAULT_PRESET, fsrsWeights: null });
      return this.get(profileId, id);
    },

    get(profileId: string, presetId: string): Preset {
      const row = db.select().from(deckPresets).where(and(live(profileId), eq(deckPresets.id, presetId))).get();
      if (!row) throw new ContractError('NOT_FOUND', 'That set of deck options does not exist.');
      return toPreset(row);
    },

    update(profileId: string, presetId: string, patch: Partial<Omit<Preset, 'id'>>): Preset {
      this.get(profileId, presetId);
      if (Object.keys(patch).length) mutator.update(deckPresets, profileId, presetId, patch);
      return this.get(profileId, presetId);
    },
  };
}
