import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { decks } from '../../../db/schema';
import type { PresetsService } from './presets';

export type DeckRow = typeof decks.$inferSelect;

export interface NewDeck {
  name: string;
  parentId: string | null;
  nativeLanguage: string;
  targetLanguage: string;
  origin?: string | null;
}

/** Creating and finding deck rows; the listing with counts lives in decks-service.ts. */
export function createDeckRows({ db, mutator, presets, now }: { db: Db; mutator: Mutator; presets: PresetsService; now: () => number }) {
  return {
    get(profileId: string, deckId: string): DeckRow {
      const row = db.select().from(decks).where(and(eq(decks.id, deckId), eq(decks.profileId, profileId), isNull(decks.deletedAt))).get();
      if (!row) throw new ContractError('NOT_FOUND', 'That deck does not exist.');
      return row;
    },

    create(profileId: string, input: NewDeck): DeckRow {
      if (input.parentId) this.get(profileId, input.parentId);
      const id = uuidv7();
      db.$client.transaction(() => {
        const preset = presets.defaultFor(profileId);
        mutator.insert(decks, profileId, {
          id,
          profileId,
          parentId: input.parentId,
          name: input.name,
          nativeLanguage: input.nativeLanguage,
          targetLanguage: input.targetLanguage,
          presetId: preset.id,
          origin: input.origin ?? null,
          createdAt: now(),
        });
      })();
      return this.get(profileId, id);
    },
  };
}
