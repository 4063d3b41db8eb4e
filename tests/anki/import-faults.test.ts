import { existsSync, readdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { mediaDir } from '../../src-main/services/anki/media-store';
import { ankiLearner, vocabularyFingerprint as dbFingerprint } from '../support/anki-learner';
import { manyNotesPackage, samplePackage, writeAnkiPackage } from '../support/anki-package';
import { tempDir } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function learner() {
  const l = await ankiLearner();
  core = l.core;
  return l;
}

async function zipOf(file: string, members: Record<string, Buffer>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(members)) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const mediaFiles = (dataDir: string): string[] =>
  existsSync(mediaDir(dataDir)) ? readdirSync(mediaDir(dataDir), { recursive: true }).map(String).filter((f) => f.includes('.')) : [];

describe('packages Parley refuses, leaving the learner’s data as it was', () => {
  it('a file that is not a zip', async () => {
    const l = await learner();
    const file = path.join(tempDir(), 'notes.apkg');
    writeFileSync(file, 'this is not a zip file at all, just text');
    const before = dbFingerprint(l.dataDir);
    const envelope = await l.c.raw('anki:inspect', { fileId: l.fileIdOf(file) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not a readable Anki package/) } });
    expect(dbFingerprint(l.dataDir)).toBe(before);
  });

  it('a truncated zip', async () => {
    const l = await learner();
    const good = await writeAnkiPackage(path.join(tempDir(), 'good.apkg'), samplePackage('anki2'));
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(good);
    const file = path.join(tempDir(), 'cut.apkg');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const envelope = await l.c.raw('anki:inspect', { fileId: l.fileIdOf(file) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/damaged/) } });
  });

  it('a zip without a collection', async () => {
    const l = await learner();
    const file = await zipOf(path.join(tempDir(), 'photos.apkg'), { 'photo.jpg': Buffer.from('jpeg') });
    const envelope = await l.c.raw('anki:inspect', { fileId: l.fileIdOf(file) });
    expect(envelope).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no Anki collection/) } });
  });

  it('a zip bomb: a member that inflates over 1000 times its packed size', async () => {
    const l = await learner();
    const file = await zipOf(path.join(tempDir(), 'bomb.apkg'), { 'collection.anki2': Buffer.alloc(24 * 1024 * 1024) });
    const before = dbFingerprint(l.dataDir);
    const envelope = await l.c.raw('anki:inspect', { fileId: l.fileIdOf(file) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/zip bomb/) } });
    const started = await l.c.call('anki:importStart', { fileId: l.fileIdOf(file), mappings: [] });
    const result = await l.waitFor('anki:importResult', started.jobId);
    expect(result).toMatchObject({ status: 'failed', committed: false, error: expect.stringMatching(/zip bomb/) });
    expect(dbFingerprint(l.dataDir)).toBe(before);
  });

  it('a package whose SQLite collection is damaged', async () => {
    const l = await learner();
    const damage = (collection: string) => {
      const fd = openSync(collection, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 3);
      closeSync(fd);
    };
    const file = await writeAnkiPackage(path.join(tempDir(), 'damaged.apkg'), { ...samplePackage('anki2'), patchCollection: damage });
    const before = dbFingerprint(l.dataDir);
    const envelope = await l.c.raw('anki:inspect', { fileId: l.fileIdOf(file) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/damaged/) } });
    expect(dbFingerprint(l.dataDir)).toBe(before);
    expect(mediaFiles(l.dataDir)).toEqual([]);
  });

  it('a package whose only note type has no fields', async () => {
    const l = await learner();
    const file = await writeAnkiPackage(path.join(tempDir(), 'empty.apkg'), { format: 'anki21', notes: [{ guid: 'x', type: 'empty', fields: [] }] });
    const before = dbFingerprint(l.dataDir);
    const { result } = await l.importPackage(file);
    expect(result).toMatchObject({ status: 'failed', committed: false, error: expect.stringMatching(/“Broken” has no fields/) });
    expect(dbFingerprint(l.dataDir)).toBe(before);
  });

  it('cancelling an import leaves nothing behind: no notes, no decks, no media', async () => {
    const l = await learner();
    const pkg = { ...manyNotesPackage('anki2', 6000, 3), media: { 'a.mp3': Buffer.from('sound') } };
    pkg.notes[0]!.fields[1] += '[sound:a.mp3]';
    const file = await writeAnkiPackage(path.join(tempDir(), 'big.apkg'), pkg);
    const fileId = l.fileIdOf(file);
    const inspection = await l.c.call('anki:inspect', { fileId });
    const before = dbFingerprint(l.dataDir);
    const phases: string[] = [];
    const writing = new Promise<void>((resolve) => {
      l.core.events.subscribe((event) => {
        if (event.name !== 'jobs:progress') return;
        const phase = (event.payload as { phase: string }).phase;
        phases.push(phase);
        if (phase === 'notes' || phase === 'reviews' || phase === 'cards') resolve();
      });
    });
    const { jobId } = await l.c.call('anki:importStart', { fileId, mappings: inspection.noteTypes.map((nt) => ({ noteTypeId: nt.id, mapping: nt.suggestedMapping, skip: false })) });
    await writing;
    expect(await l.c.call('anki:cancel', { jobId })).toEqual({ cancelled: true });
    const result = await l.waitFor('anki:importResult', jobId);
    expect(result).toMatchObject({ status: 'cancelled', committed: false });
    expect(dbFingerprint(l.dataDir)).toBe(before);
    expect(mediaFiles(l.dataDir)).toEqual([]);
  });
});
