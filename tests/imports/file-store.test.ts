import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileId } from '../../src-shared/contract/imports';
import { createFileStore } from '../../src-main/services/files/file-store';
import { tempDir } from '../support/test-core';

const ANA = '01900000-0000-7000-8000-000000000001';
const BEA = '01900000-0000-7000-8000-000000000002';

describe('the file store', () => {
  it('streams an upload under a random id that only its profile can resolve', async () => {
    const dataDir = tempDir();
    const store = createFileStore({ dataDir });
    const saved = await store.saveUpload(Readable.from([Buffer.from('casa,'), Buffer.from('house\n')]), '../../etc/words\u0000.csv', ANA);
    expect(fileId.safeParse(saved.fileId).success).toBe(true);
    expect(saved).toMatchObject({ fileName: 'words.csv', bytes: 11 });
    expect(readFileSync(store.resolve(ANA, saved.fileId).path, 'utf8')).toBe('casa,house\n');
    expect(path.dirname(saved.path)).toBe(path.join(dataDir, 'uploads'));
    expect(() => store.resolve(BEA, saved.fileId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => store.resolve(ANA, '../../parley.db')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    // Another store on the same data folder (the web shell's) sees the same files.
    expect(createFileStore({ dataDir }).resolve(ANA, saved.fileId).bytes).toBe(11);
  });

  it('stops an upload past the limit and removes what it had written', async () => {
    const dataDir = tempDir();
    const store = createFileStore({ dataDir });
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(1000, 0x61));
    await expect(store.saveUpload(Readable.from(chunks), 'big.csv', ANA, 5000)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/larger than/) });
    expect(readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
  });

  it('registers a file picked in the desktop shell where it is', () => {
    const dir = tempDir();
    const file = path.join(dir, 'Mis palabras.csv');
    writeFileSync(file, 'casa,house\n');
    const store = createFileStore({ dataDir: tempDir() });
    const picked = store.registerPath(file, ANA);
    expect(store.resolve(ANA, picked.fileId)).toEqual({ fileId: picked.fileId, fileName: 'Mis palabras.csv', path: file, bytes: 11 });
    expect(() => store.registerPath(path.join(dir, 'missing.csv'), ANA)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('removes uploads older than a day at start-up and keeps newer ones', async () => {
    const dataDir = tempDir();
    let now = Date.now();
    const store = createFileStore({ dataDir, now: () => now });
    const old = await store.saveUpload(Readable.from([Buffer.from('old')]), 'old.csv', ANA);
    const fresh = await store.saveUpload(Readable.from([Buffer.from('new')]), 'new.csv', ANA);
    const dayAndABit = (Date.now() - 25 * 60 * 60 * 1000) / 1000;
    utimesSync(old.path, dayAndABit, dayAndABit);
    utimesSync(`${old.path}.json`, dayAndABit, dayAndABit);
    now = Date.now();
    expect(store.removeStale()).toBe(2);
    expect(existsSync(old.path)).toBe(false);
    expect(() => store.resolve(ANA, old.fileId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(store.resolve(ANA, fresh.fileId).bytes).toBe(3);
  });
});
