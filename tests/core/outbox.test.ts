import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/core';
import { formatHlc, parseHlc, receiveHlc, tickHlc } from '../../src-shared/domain/hlc';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

describe('the outbox', () => {
  it('records every write to a synced table with an increasing HLC, in the same transaction', async () => {
    const dataDir = tempDir();
    let t = 1_000;
    const core = await makeCore({ dataDir, clock: { now: () => t } });
    const c = caller(core);
    const { profile } = await c.call('profiles:create', { ...sampleProfile });
    await c.call('profiles:update', { level: 'B1' });
    t -= 500; // the wall clock steps back: the HLC must not
    await c.call('settings:update', { patch: { theme: 'dark' } });
    await c.call('settings:update', { patch: { theme: 'light' } });
    await core.close();

    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare('SELECT * FROM changes ORDER BY seq').all() as { hlc: string; table_name: string; op: string; data: string; row_id: string }[];
    db.close();
    expect(rows.map((r) => [r.table_name, r.op])).toEqual([
      ['profiles', 'insert'],
      ['profiles', 'update'],
      ['profile_settings', 'insert'],
      ['profile_settings', 'update'],
    ]);
    expect(JSON.parse(rows[1]!.data)).toMatchObject({ level: 'B1' });
    expect(rows[0]!.row_id).toBe(profile.id);
    const hlcs = rows.map((r) => r.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
  });
});

describe('hybrid logical clock', () => {
  const node = 'device-a';
  it('orders as strings the way it orders in time', () => {
    let h = { ms: 5, counter: 0, node };
    const seen: string[] = [];
    for (const now of [5, 5, 4, 9, 9, 2]) {
      h = tickHlc(h, now);
      seen.push(formatHlc(h));
    }
    expect([...seen].sort()).toEqual(seen);
    expect(parseHlc(seen[0]!)).toEqual({ ms: 5, counter: 1, node });
  });

  it('moves past a timestamp received from another device', () => {
    const local = { ms: 10, counter: 3, node };
    const remote = { ms: 50, counter: 7, node: 'device-b' };
    const next = receiveHlc(local, remote, 20);
    expect(next).toEqual({ ms: 50, counter: 8, node });
    expect(formatHlc(next) > formatHlc({ ...remote })).toBe(true);
  });
});
