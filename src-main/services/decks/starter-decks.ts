import path from 'node:path';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { ContractError } from '../../../src-shared/contract/errors';
import { uiLanguageFor } from '../../../src-shared/domain/languages';
import { decks } from '../../../db/schema';
import type { DomainDeps } from '../index';
import type { NoteInput } from '../notes/notes-service';
import { localised, readStarterFiles, type StarterFile, type StarterNote } from './starter-files';

export interface StarterSummary {
  id: string;
  name: string;
  description: string;
  nativeLanguage: StarterFile['nativeLanguage'];
  targetLanguage: StarterFile['targetLanguage'];
  noteCount: number;
  installed: boolean;
}

function toNoteInput(starterId: string, note: StarterNote): NoteInput & { guid: string } {
  return {
    term: note.term,
    translation: note.translation,
    examples: note.example ? [note.example] : [],
    partOfSpeech: note.partOfSpeech,
    gender: note.gender,
    ipa: note.ipa,
    tags: note.tags,
    // Stable across versions of the file, so a later update of the deck can find its notes again.
    guid: `${starterId}:${note.rank}`,
  };
}

/** The decks that ship with Parley (resources/decks), offered at onboarding and in the deck list. */
export function createStarterDecks({ db, resourcesDir, logger, profiles, settings, deckRows, notes }: DomainDeps) {
  let files: StarterFile[] | null = null;
  const starterFiles = () => (files ??= readStarterFiles(path.join(resourcesDir, 'decks'), logger));

  const installedDeck = (profileId: string, starterId: string) =>
    db
      .select({ id: decks.id })
      .from(decks)
      .where(and(eq(decks.profileId, profileId), eq(decks.origin, starterId), isNull(decks.deletedAt)))
      .get();

  const uiLanguageOf = (profileId: string) =>
    uiLanguageFor(profiles.get(profileId).nativeLanguage, settings.get(profileId).uiLanguage);

  return {
    /** The learner's own language first: those are the decks written for them. */
    list(profileId: string): StarterSummary[] {
      const native = profiles.get(profileId).nativeLanguage;
      const ui = uiLanguageOf(profileId);
      const installed = new Set(
        db
          .select({ origin: decks.origin })
          .from(decks)
          .where(and(eq(decks.profileId, profileId), isNotNull(decks.origin), isNull(decks.deletedAt)))
          .all()
          .map((d) => d.origin),
      );
      return [...starterFiles()]
        .sort(
          (a, b) =>
            Number(b.nativeLanguage === native) - Number(a.nativeLanguage === native) || a.id.localeCompare(b.id),
        )
        .map((file) => ({
          id: file.id,
          name: localised(file.name, ui),
          description: localised(file.description, ui),
          nativeLanguage: file.nativeLanguage,
          targetLanguage: file.targetLanguage,
          noteCount: file.notes.length,
          installed: installed.has(file.id),
        }));
    },

    /** Adds the deck with all its words in frequency order; adding it again returns the deck already there. */
    add(profileId: string, starterId: string): string {
      const file = starterFiles().find((f) => f.id === starterId);
      if (!file) throw new ContractError('NOT_FOUND', 'That starter deck is not available.');
      const existing = installedDeck(profileId, starterId);
      if (existing) return existing.id;
      return db.$client.transaction(() => {
        const deck = deckRows.create(profileId, {
          name: localised(file.name, uiLanguageOf(profileId)),
          parentId: null,
          nativeLanguage: file.nativeLanguage,
          targetLanguage: file.targetLanguage,
          origin: file.id,
        });
        notes.insertMany(
          profileId,
          deck.id,
          file.notes.map((note) => toNoteInput(file.id, note)),
          'starter',
        );
        return deck.id;
      })();
    },
  };
}
