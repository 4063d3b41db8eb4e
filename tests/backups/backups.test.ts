import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups, pruneDailyBackups } from '../../db/backups';
import type { Core } from '../../src-main/core';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function learner() {
  const dataDir = tempDir();
  core = await makeCore({ dataDir, logLevel: 'warn' });
  const c = caller(core);
  const { profile } = await c.call('profiles:create', { ...sampleProfile });
  return { core, c, dataDir, profileId: profile.id, backupsDir: path.join(dataDir, 'backups') };
}

const deckNames = async (c: ReturnType<typeof caller>) => (await c.call('decks:list', {})).decks.map((d) => d.name).sort();

describe('backups', () => {
  it('backs up now as a gzipped SQLite file and lists it', async () => {
    const l = await learner();
    const { backup } = await l.c.call('backups:create', {});
    expect(backup).toMatchObject({ kind: 'manual', name: expect.stringMatching(/^parley-manual-\d{8}T\d{6}Z\.db\.gz$/) });
    const bytes = gunzipSync(readFileSync(path.join(l.backupsDir, backup.name)));
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    const { backups, canRestore } = await l.c.call('backups:list', {});
    expect(backups.map((b) => b.name)).toContain(backup.name);
    expect(canRestore).toBe(true);
  });

  it('restores a backup after checking it, keeping the current file aside', async () => {
    const l = await learner();
    await l.c.call('decks:create', { name: 'Before' });
    const { backup } = await l.c.call('backups:create', {});
    await l.c.call('decks:create', { name: 'After' });
    expect(await deckNames(l.c)).toEqual(['After', 'Before']);

    const restored = await l.c.call('backups:restore', { name: backup.name, confirm: true });
    expect(restored.restored).toBe(backup.name);
    expect(restored.setAside).toMatch(/^parley\.db\.replaced-/);
    expect(existsSync(path.join(l.dataDir, restored.setAside!))).toBe(true);
    // The session still belongs to the same profile, which the backup holds.
    expect(await deckNames(l.c)).toEqual(['Before']);
  });

  it('refuses a damaged backup and leaves the data as it was', async () => {
    const l = await learner();
    await l.c.call('decks:create', { name: 'Mine' });
    const name = 'parley-manual-20260101T000000Z.db.gz';
    mkdirSync(l.backupsDir, { recursive: true });
    writeFileSync(path.join(l.backupsDir, name), Buffer.from('not gzip at all'));
    const envelope = await l.c.raw('backups:restore', { name, confirm: true });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/damaged/) } });
    expect(await deckNames(l.c)).toEqual(['Mine']);
    expect(readdirSync(l.dataDir).filter((f) => f.includes('replaced') || f.includes('restoring'))).toEqual([]);
  });

  it('lets only an administrator restore once several profiles share the computer', async () => {
    const l = await learner();
    await caller(l.core).call('profiles:create', { ...sampleProfile, displayName: 'Ben' });
    const { backup } = await l.c.call('backups:create', {});
    expect((await l.c.call('backups:list', {})).canRestore).toBe(false);
    const envelope = await l.c.raw('backups:restore', { name: backup.name, confirm: true });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('takes the daily backup gzipped at launch once there is a profile', async () => {
    const l = await learner();
    await l.core.close();
    core = await makeCore({ dataDir: l.dataDir, logLevel: 'warn' });
    await core.close();
    core = undefined;
    const daily = listBackups(l.backupsDir).filter((b) => b.name.startsWith('parley-daily-'));
    expect(daily).toHaveLength(1);
    expect(daily[0]!.name).toMatch(/\.db\.gz$/);
  });

  it('keeps the last 14 daily backups and one a month before them', () => {
    const dir = tempDir();
    const day = 86_400_000;
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 90; i += 1) {
      const at = start + i * day;
      const name = `parley-daily-${new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}.db.gz`;
      writeFileSync(path.join(dir, name), 'x');
      utimesSync(path.join(dir, name), at / 1000, at / 1000);
    }
    pruneDailyBackups(dir, 14);
    const kept = listBackups(dir).map((b) => b.name.slice(13, 21));
    expect(kept).toHaveLength(14 + 2);
    expect(kept.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => new Date(start + (89 - i) * day).toISOString().slice(0, 10).replace(/-/g, '')));
    // January and February keep their newest backup each; March is covered by the last 14.
    expect(kept.slice(14)).toEqual(['20260228', '20260131']);
  });
});
