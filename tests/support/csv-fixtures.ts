import { createWriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Core } from '../../src-main/core';
import type { Output } from '../../src-shared/contract';
import { caller, makeCore, sampleProfile, tempDir } from './test-core';

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Text as a spreadsheet program would save it in each encoding (UTF-16 with its byte order mark). */
export function encodeText(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      // Accented Latin letters sit at the same code points in Latin-1 and Windows-1252.
      if ([...text].some((ch) => ch.charCodeAt(0) > 0xff)) throw new Error('text outside Windows-1252 in a fixture');
      return Buffer.from(text, 'latin1');
  }
}

export function writeFixture(dir: string, name: string, content: string | Buffer, encoding: FileEncoding = 'utf-8'): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? encodeText(content, encoding) : content);
  return file;
}

/** A generated word list row: unique term and translation, an example containing the term, tags. */
export function generatedRow(i: number): string {
  return `palabra${i},word ${i},"La palabra${i} está aquí, ¿no?",The word ${i} is here,noun,${i % 2 ? 'f' : 'm'},,gen t${i % 7}\n`;
}
export const GENERATED_HEADER = 'term,translation,example,example_translation,part_of_speech,gender,ipa,tags\n';

/** Streams `rows` generated rows (or until `bytes`) to a file without holding it in memory; returns the row count. */
export async function writeGeneratedCsv(file: string, limit: { rows?: number; bytes?: number }): Promise<number> {
  const out = createWriteStream(file);
  let written = GENERATED_HEADER.length;
  out.write(GENERATED_HEADER);
  let i = 0;
  for (; (limit.rows === undefined || i < limit.rows) && (limit.bytes === undefined || written < limit.bytes); i += 1) {
    const line = generatedRow(i);
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return i;
}

/** A signed-in learner (English speaker learning Spanish) with one deck, and a way to hand the core files. */
export async function importingLearner(existing?: Core) {
  const core = existing ?? (await makeCore({ logLevel: 'warn' }));
  const c = caller(core);
  const { profile } = await c.call('profiles:create', { ...sampleProfile });
  const { services, sqlite } = core.internals();
  const deck = services.deckRows.create(profile.id, { name: 'Spanish', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' });
  const dir = tempDir('parley-csv-');
  const fileIdOf = (file: string) => services.imports.files.registerPath(file, profile.id).fileId;
  /** Writes a fixture and answers its file id for this learner. */
  const csvFile = (name: string, content: string | Buffer, encoding?: FileEncoding) => fileIdOf(writeFixture(dir, name, content, encoding));
  const waitForImport = async (jobId: string): Promise<Output<'import:result'>> => {
    for (;;) {
      const result = await c.call('import:result', { jobId });
      if (result.status !== 'running') return result;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const notesInDeck = (deckId = deck.id) =>
    sqlite
      .prepare('SELECT term, translation, examples, part_of_speech AS partOfSpeech, gender, ipa, tags FROM notes WHERE profile_id = ? AND deck_id = ? AND deleted_at IS NULL ORDER BY rowid')
      .all(profile.id, deckId) as { term: string; translation: string; examples: string; partOfSpeech: string | null; gender: string | null; ipa: string | null; tags: string }[];
  return { core, c, profileId: profile.id, deckId: deck.id, services, sqlite, dir, fileIdOf, csvFile, waitForImport, notesInDeck };
}
