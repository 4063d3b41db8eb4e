import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, type Core } from '../../src-main/core';
import { parsePolicy } from '../../src-main/policy/loaded-policy';
import { readUpdateSettings } from '../../src-main/updates/update-settings';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

let core: Core;
afterEach(async () => core.close());

describe('the settings the updater reads', () => {
  it('are the admin’s, through the contract, with the policy over them', async () => {
    core = await makeCore({ policy: parsePolicy({ updates: { channel: 'stable' } }, 'policy.json') });
    const admin = caller(core);
    await admin.call('profiles:create', { ...sampleProfile, makeAdmin: true });
    await admin.call('settings:updateApp', { patch: { updateFeedUrl: 'https://school.example/updates/' } });
    await expect(readUpdateSettings(core, core.openSession())).resolves.toEqual({
      updatesEnabled: true,
      updateChannel: 'stable',
      updateFeedUrl: 'https://school.example/updates/',
    });
  });

  it('are the defaults when the data could not be opened', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, DATABASE_FILE), 'not a database');
    core = await makeCore({ dataDir });
    await expect(readUpdateSettings(core, core.openSession())).resolves.toEqual({
      updatesEnabled: true,
      updateChannel: 'stable',
      updateFeedUrl: null,
    });
  });
});
