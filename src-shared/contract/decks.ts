import { z } from 'zod';
import { defineContract } from './define';
import { languageCode } from '../domain/languages';
import { id, label } from '../domain/text';
import { deck, preset, presetFields } from '../domain/vocabulary';

const deckQueries = ['decks:list', 'review:next', 'browse:search'];

export const decksList = defineContract({
  channel: 'decks:list',
  input: z.strictObject({}),
  output: z.object({ decks: z.array(deck) }),
});

export const decksCreate = defineContract({
  channel: 'decks:create',
  input: z.strictObject({
    name: label(120),
    parentId: id.nullable().default(null),
    nativeLanguage: languageCode.optional(),
    targetLanguage: languageCode.optional(),
  }),
  output: z.object({ deck }),
  invalidates: deckQueries,
});

export const decksUpdate = defineContract({
  channel: 'decks:update',
  input: z.strictObject({ deckId: id, name: label(120).optional(), parentId: id.nullable().optional() }),
  output: z.object({ deck }),
  invalidates: deckQueries,
});

export const decksDelete = defineContract({
  channel: 'decks:delete',
  input: z.strictObject({ deckId: id, confirmation: z.string().max(400) }),
  output: z.object({ deletedNotes: z.number().int() }),
  invalidates: deckQueries,
});

export const starterDeck = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  nativeLanguage: languageCode,
  targetLanguage: languageCode,
  noteCount: z.number().int(),
  installed: z.boolean(),
});

export const decksStarters = defineContract({
  channel: 'decks:starters',
  input: z.strictObject({}),
  output: z.object({ starters: z.array(starterDeck) }),
});

export const decksAddStarter = defineContract({
  channel: 'decks:addStarter',
  input: z.strictObject({ starterId: z.string().regex(/^starter-[a-z]{2}-[a-z]{2}$/) }),
  output: z.object({ deck }),
  invalidates: [...deckQueries, 'decks:starters'],
});

export const decksGetPreset = defineContract({
  channel: 'decks:getPreset',
  input: z.strictObject({ deckId: id }),
  output: z.object({ preset }),
});

export const decksUpdatePreset = defineContract({
  channel: 'decks:updatePreset',
  input: z.strictObject({ presetId: id, patch: presetFields.partial() }),
  output: z.object({ preset }),
  invalidates: ['decks:getPreset', 'decks:list', 'review:next'],
});

export const decksExportCsv = defineContract({
  channel: 'decks:exportCsv',
  input: z.strictObject({ deckId: id }),
  output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
});

export const decksContract = [
  decksList,
  decksCreate,
  decksUpdate,
  decksDelete,
  decksStarters,
  decksAddStarter,
  decksGetPreset,
  decksUpdatePreset,
  decksExportCsv,
] as const;
