import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { DATABASE_FILE, type Core } from '../../src-main/core';
import type { Input, Output } from '../../src-shared/contract';
import { caller, makeCore, sampleProfile, tempDir } from './test-core';

/** Anki's own test packages, kept outside the repository (see its README). */
export const ANKI_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/anki');
export const HAVE_ANKI_FIXTURES = existsSync(path.join(ANKI_FIXTURES, 'media.apkg'));
export const fixture = (name: string) => path.join(ANKI_FIXTURES, name);

type Inspect = Output<'anki:inspect'>;

/** The mapping the preview suggests, for every note type in the package. */
export function suggestedMappings(inspection: Inspect): Input<'anki:importStart'>['mappings'] {
  return inspection.noteTypes.map((nt) => ({ noteTypeId: nt.id, mapping: nt.suggestedMapping, skip: false }));
}

/** A signed-in learner (English speaker learning Spanish) who imports Anki packages. */
export async function ankiLearner(existing?: Core, dataDir = tempDir()) {
  const core = existing ?? (await makeCore({ dataDir, logLevel: 'warn' }));
  const c = caller(core);
  const { profile } = await c.call('profiles:create', { ...sampleProfile });
  const { services, sqlite } = core.internals();
  const fileIdOf = (file: string) => services.imports.files.registerPath(file, profile.id).fileId;
  const waitFor = async <C extends 'anki:importResult' | 'anki:exportResult'>(channel: C, jobId: string): Promise<Output<C>> => {
    for (;;) {
      const result = await c.call(channel, { jobId } as Input<C>);
      if ((result as { status: string }).status !== 'running') return result;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  /** Inspects a package and imports it with the suggested mapping. */
  const importPackage = async (file: string, adjust?: (m: Input<'anki:importStart'>['mappings']) => Input<'anki:importStart'>['mappings']) => {
    const fileId = fileIdOf(file);
    const inspection = await c.call('anki:inspect', { fileId });
    const mappings = adjust ? adjust(suggestedMappings(inspection)) : suggestedMappings(inspection);
    const { jobId } = await c.call('anki:importStart', { fileId, mappings });
    return { inspection, result: await waitFor('anki:importResult', jobId) };
  };
  const notes = () =>
    sqlite
      .prepare('SELECT id, deck_id AS deckId, term, translation, examples, ipa, tags, audio, images, guid, source FROM notes WHERE profile_id = ? AND deleted_at IS NULL ORDER BY rowid')
      .all(profile.id) as { id: string; deckId: string; term: string; translation: string; examples: string; ipa: string | null; tags: string; audio: string; images: string; guid: string | null; source: string }[];
  const count = (sql: string) => sqlite.prepare(sql).pluck().get(profile.id) as number;
  return { core, c, profileId: profile.id, services, sqlite, dataDir: core.dataDir, fileIdOf, waitFor, importPackage, notes, count };
}

/** A hash of every table an Anki import can write, read through a second connection. */
export function vocabularyFingerprint(dataDir: string): string {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const hash = createHash('sha256');
    for (const table of ['profiles', 'decks', 'deck_presets', 'notes', 'cards', 'review_logs', 'changes', 'meta']) {
      hash.update(table);
      for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
