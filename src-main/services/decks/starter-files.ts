import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { languageCode } from '../../../src-shared/domain/languages';
import {
  exampleSentence,
  grammaticalGender,
  noteFields,
  partOfSpeech,
  tag,
} from '../../../src-shared/domain/vocabulary';
import type { Logger } from '../../logging';

const starterNote = z.object({
  rank: z.number().int().min(1),
  term: noteFields.shape.term,
  translation: noteFields.shape.translation,
  partOfSpeech: partOfSpeech.nullable(),
  gender: grammaticalGender.nullable(),
  ipa: z.string().max(200).nullable(),
  example: exampleSentence.nullable().optional(),
  tags: z.array(tag).max(50),
});

/** A starter deck file as resources/decks/README.md describes it. */
const starterFile = z
  .object({
    id: z.string().regex(/^starter-[a-z]{2}-[a-z]{2}$/),
    version: z.number().int().min(1),
    nativeLanguage: languageCode,
    targetLanguage: languageCode,
    name: z.record(z.string(), z.string().min(1).max(120)),
    description: z.record(z.string(), z.string().max(2000)),
    notes: z.array(starterNote).min(1).max(20_000),
  })
  .refine((file) => 'en' in file.name, { message: 'name needs an English entry' })
  .refine((file) => new Set(file.notes.map((n) => n.rank)).size === file.notes.length, {
    message: 'ranks must be unique',
  });

export type StarterFile = z.infer<typeof starterFile>;
export type StarterNote = z.infer<typeof starterNote>;

/**
 * Reads and checks every `*.json` in the starter decks folder. A file that is not valid is left out and logged,
 * so one bad file never keeps the others (or onboarding) from working.
 */
export function readStarterFiles(dir: string, logger: Logger): StarterFile[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    logger.warn({ dir }, 'starter decks folder is missing');
    return [];
  }
  const files: StarterFile[] = [];
  for (const name of names) {
    const parsed = parseStarterFile(path.join(dir, name));
    if (parsed.ok && !files.some((f) => f.id === parsed.file.id)) files.push(parsed.file);
    else
      logger.warn({ file: name, problem: parsed.ok ? 'duplicate starter id' : parsed.problem }, 'starter deck skipped');
  }
  return files;
}

function parseStarterFile(file: string): { ok: true; file: StarterFile } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, problem: `unreadable: ${(error as Error).message}` };
  }
  const parsed = starterFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, file: { ...parsed.data, notes: [...parsed.data.notes].sort((a, b) => a.rank - b.rank) } };
}

/** A localised field: the learner's interface language, else English. */
export function localised(field: Record<string, string>, uiLanguage: string): string {
  return field[uiLanguage] ?? field.en ?? Object.values(field)[0] ?? '';
}
