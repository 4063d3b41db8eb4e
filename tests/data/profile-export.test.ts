import path from 'node:path';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { ankiLearner } from '../support/anki-learner';
import { samplePackage, writeAnkiPackage } from '../support/anki-package';
import { caller, sampleProfile, tempDir } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, async (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        }),
      );
      zip.on('end', () => resolve(files));
      zip.readEntry();
    }),
  );
}

describe('exporting my data', () => {
  it('gives one archive with every row of the profile and its media, and nothing of anyone else', async () => {
    const l = await ankiLearner();
    core = l.core;
    await l.importPackage(await writeAnkiPackage(path.join(tempDir(), 's.apkg'), samplePackage('anki21')));
    const other = caller(l.core);
    const { profile: ben } = await other.call('profiles:create', { ...sampleProfile, displayName: 'Ben' });
    await other.call('decks:create', { name: 'Ben’s deck' });

    const { jobId } = await l.c.call('data:exportStart', {});
    let result = await l.c.call('data:exportResult', { jobId });
    while (result.status === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      result = await l.c.call('data:exportResult', { jobId });
    }
    expect(result.status, result.error ?? '').toBe('done');
    expect(result.file!.fileName).toMatch(/^Parley Ana \d{4}-\d{2}-\d{2}\.zip$/);

    // Read back the way the renderer does: piece by piece.
    const pieces: Buffer[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const piece: { base64: string; nextOffset: number | null } = await l.c.call('data:readFile', { fileId: result.file!.fileId, offset });
      pieces.push(Buffer.from(piece.base64, 'base64'));
      offset = piece.nextOffset;
    }
    const archive = Buffer.concat(pieces);
    expect(archive.length).toBe(result.file!.bytes);
    const files = await unzip(archive);

    const manifest = JSON.parse(files.get('profile.json')!.toString()) as { profile: { id: string }; tables: Record<string, number>; media: number };
    expect(manifest.profile.id).toBe(l.profileId);
    expect(manifest.tables.notes).toBe(4);
    expect(manifest.tables.review_logs).toBe(6);
    expect(manifest.media).toBe(2);
    const notes = files.get('tables/notes.jsonl')!.toString().trim().split('\n').map((line) => JSON.parse(line) as { term: string; profile_id: string });
    expect(notes.map((n) => n.term).sort()).toEqual(['casa', 'comer', 'el perro', 'gato']);
    expect([...files.keys()].filter((k) => k.startsWith('media/'))).toHaveLength(2);
    expect([...files.keys()]).not.toContain('tables/profile_credentials.jsonl');
    const everything = [...files.values()].map((b) => b.toString('latin1')).join('');
    expect(everything).not.toContain(ben.id);

    // Another profile cannot read this file.
    const envelope = await other.raw('data:readFile', { fileId: result.file!.fileId, offset: 0 });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
