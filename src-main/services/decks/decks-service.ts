import { and, eq, isNull } from 'drizzle-orm';
import { ContractError } from '../../../src-shared/contract/errors';
import type { LanguageCode } from '../../../src-shared/domain/languages';
import type { Deck, Preset } from '../../../src-shared/domain/vocabulary';
import { deckPresets, decks } from '../../../db/schema';
import type { DomainDeps } from '../index';
import { toPreset } from './presets';
import { countDecks, type CountedDeck } from './deck-counts';
import { deleteDeckTree } from './deck-delete';
import { csvFileName } from './deck-export';
import { notesToCsv, type ExportableNote } from '../imports/csv-export';
import { tagsFromText } from '../notes/notes-service';
import { buildDeckTree, SEPARATOR } from './deck-tree';
import type { DeckRow } from './deck-rows';
import { createStarterDecks } from './starter-decks';
import { resolveTimeZone, studyDayAt, type StudyDay } from '../review/study-day';

export interface DeckChanges {
  name?: string;
  parentId?: string | null;
}

export type DecksService = ReturnType<typeof createDecksService>;

/** The deck list with today's counts, the deck tree's edits, starter decks, presets and CSV export. */
export function createDecksService(deps: DomainDeps) {
  const { db, now, profiles, settings, presets, deckRows } = deps;
  const starters = createStarterDecks(deps);

  const liveRows = (profileId: string) =>
    db
      .select()
      .from(decks)
      .where(and(eq(decks.profileId, profileId), isNull(decks.deletedAt)))
      .all();

  const profilePresets = (profileId: string) =>
    new Map(
      db
        .select()
        .from(deckPresets)
        .where(and(eq(deckPresets.profileId, profileId), isNull(deckPresets.deletedAt)))
        .all()
        .map((row) => [row.id, toPreset(row)]),
    );

  /** Deck rows with what counting needs: their preset's limits and their study day. */
  const counted = (profileId: string, rows: DeckRow[]): (DeckRow & CountedDeck)[] => {
    const known = profilePresets(profileId);
    const timeZone = resolveTimeZone(settings.get(profileId).timeZone);
    const at = now();
    const fallback = () => presets.defaultFor(profileId);
    // Presets mostly share a day start hour: work each study day out once (time-zone lookups are not free).
    const days = new Map<number, StudyDay>();
    const dayFor = (hour: number) => days.get(hour) ?? days.set(hour, studyDayAt(at, hour, timeZone)).get(hour)!;
    return rows.map((row) => {
      const preset: Preset = known.get(row.presetId) ?? fallback();
      return {
        ...row,
        newPerDay: preset.newPerDay,
        reviewsPerDay: preset.reviewsPerDay,
        day: dayFor(preset.dayStartHour),
      };
    });
  };

  /** Decks (all, or one deck's subtree) in tree order, with their counts. */
  const describe = (profileId: string, rootId: string | null): Deck[] => {
    const tree = buildDeckTree(counted(profileId, liveRows(profileId)));
    const inRoot = rootId === null ? null : new Set(tree.subtree(rootId));
    const wanted = inRoot === null ? tree.ordered : tree.ordered.filter((d) => inRoot.has(d.id));
    const counts = countDecks(db.$client, profileId, tree, wanted, now());
    return wanted.map((d) => ({
      id: d.id,
      parentId: tree.parentOf(d.id),
      name: d.name,
      fullName: tree.fullName(d.id),
      nativeLanguage: d.nativeLanguage as LanguageCode,
      targetLanguage: d.targetLanguage as LanguageCode,
      presetId: d.presetId,
      origin: d.origin,
      counts: counts.get(d.id)!,
    }));
  };
  const one = (profileId: string, deckId: string): Deck => describe(profileId, deckId)[0]!;

  const assertFreeName = (profileId: string, name: string, parentId: string | null, self: string | null) => {
    if (name.includes(SEPARATOR))
      throw new ContractError(
        'INVALID_INPUT',
        `A deck name cannot contain "${SEPARATOR}". Choose a parent deck to nest it.`,
      );
    const tree = buildDeckTree(liveRows(profileId));
    const clash = tree.ordered.some(
      (d) => d.id !== self && tree.parentOf(d.id) === parentId && d.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new ContractError('CONFLICT', `There is already a deck called "${name}" there.`);
  };

  return {
    list: (profileId: string) => describe(profileId, null),

    create(
      profileId: string,
      input: { name: string; parentId: string | null; nativeLanguage?: LanguageCode; targetLanguage?: LanguageCode },
    ): Deck {
      const profile = profiles.get(profileId);
      if (input.parentId) deckRows.get(profileId, input.parentId);
      assertFreeName(profileId, input.name, input.parentId, null);
      const row = deckRows.create(profileId, {
        name: input.name,
        parentId: input.parentId,
        nativeLanguage: input.nativeLanguage ?? profile.nativeLanguage,
        targetLanguage: input.targetLanguage ?? profile.targetLanguage,
      });
      return one(profileId, row.id);
    },

    /** Renames and moves. A deck cannot move inside itself or one of its own subdecks. */
    update(profileId: string, deckId: string, changes: DeckChanges): Deck {
      const row = deckRows.get(profileId, deckId);
      const parentId = changes.parentId === undefined ? row.parentId : changes.parentId;
      if (parentId) {
        deckRows.get(profileId, parentId);
        if (buildDeckTree(liveRows(profileId)).subtree(deckId).includes(parentId)) {
          throw new ContractError('CONFLICT', 'A deck cannot be moved inside itself or one of its subdecks.');
        }
      }
      const name = changes.name ?? row.name;
      assertFreeName(profileId, name, parentId, deckId);
      if (name !== row.name || parentId !== row.parentId)
        deps.mutator.update(decks, profileId, deckId, { name, parentId });
      return one(profileId, deckId);
    },

    delete(profileId: string, deckId: string, confirmation: string): number {
      const row = deckRows.get(profileId, deckId);
      const subtree = buildDeckTree(liveRows(profileId)).subtree(deckId);
      return deleteDeckTree(deps, profileId, subtree, (noteCount) => {
        if (noteCount > 0 && confirmation.trim() !== row.name) {
          throw new ContractError(
            'CONFIRMATION_MISMATCH',
            `Type the deck name "${row.name}" exactly to delete it and its ${noteCount} words.`,
          );
        }
      });
    },

    starters: (profileId: string) => starters.list(profileId),

    addStarter: (profileId: string, starterId: string): Deck => one(profileId, starters.add(profileId, starterId)),

    getPreset: (profileId: string, deckId: string): Preset =>
      presets.get(profileId, deckRows.get(profileId, deckId).presetId),

    updatePreset: (profileId: string, presetId: string, patch: Partial<Omit<Preset, 'id' | 'fsrsWeights'>>): Preset =>
      presets.update(profileId, presetId, patch),

    /** The deck's and its subdecks' notes as CSV, oldest first, in the columns the CSV import reads back. */
    exportCsv(profileId: string, deckId: string): { fileName: string; csv: string; rows: number } {
      deckRows.get(profileId, deckId);
      const tree = buildDeckTree(liveRows(profileId));
      const rows = db.$client
        .prepare(
          `SELECT term, translation, examples, part_of_speech AS partOfSpeech, gender, ipa, tags FROM notes
           WHERE profile_id = ? AND deck_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
           ORDER BY created_at, rowid`,
        )
        .all(profileId, JSON.stringify(tree.subtree(deckId)))
        .map((r) => {
          const row = r as Omit<ExportableNote, 'examples' | 'tags'> & { examples: string; tags: string };
          return {
            ...row,
            examples: JSON.parse(row.examples) as ExportableNote['examples'],
            tags: tagsFromText(row.tags),
          };
        });
      return { fileName: csvFileName(tree.fullName(deckId)), csv: notesToCsv(rows), rows: rows.length };
    },
  };
}
