import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, type Core } from '../../src-main/core';
import { parsePolicy, type LoadedPolicy } from '../../src-main/policy/loaded-policy';
import type { MachinePolicy } from '../../src-shared/domain/policy';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

async function coreWith(policy: MachinePolicy | LoadedPolicy, dataDir = tempDir()): Promise<Core> {
  const loaded = 'problems' in policy ? (policy as LoadedPolicy) : parsePolicy(policy, '/etc/parley/policy.json');
  const core = await makeCore({ dataDir, policy: loaded });
  cores.push(core);
  return core;
}

/** An admin (the first profile) and a learner, each in their own window. */
async function adminAndLearner(core: Core) {
  const admin = caller(core);
  await admin.call('profiles:create', { ...sampleProfile, displayName: 'Admin', makeAdmin: true });
  const learner = caller(core);
  const { profile } = await admin.call('profiles:adminCreate', { ...sampleProfile, displayName: 'Lea' });
  await learner.call('profiles:signIn', { profileId: profile.id });
  return { admin, learner };
}

describe('policy:get', () => {
  it('shows the policy in force and the locked settings to anyone, signed in or not', async () => {
    const core = await coreWith({
      profiles: { allowSelfService: false },
      updates: { channel: 'beta' },
      uiLanguages: ['es'],
    });
    const view = await caller(core).call('policy:get', {});
    expect(view).toEqual({
      policy: { profiles: { allowSelfService: false }, updates: { channel: 'beta' }, uiLanguages: ['es'] },
      locked: ['allowSelfServiceProfiles', 'defaultUiLanguage', 'uiLanguage', 'updateChannel'],
      problems: [],
    });
  });

  it('shows an invalid policy as no policy plus what is wrong, for the admin to fix', async () => {
    const core = await coreWith(parsePolicy({ profiles: { allowSelfservice: false } }, '/etc/parley/policy.json'));
    const view = await caller(core).call('policy:get', {});
    expect(view.policy).toEqual({});
    expect(view.locked).toEqual([]);
    expect(view.problems.join('\n')).toMatch(/\/etc\/parley\/policy\.json: profiles: .*allowSelfservice/);
    // Safe defaults: Parley runs as on a machine without a policy.
    await caller(core).call('profiles:create', { ...sampleProfile, displayName: 'First' });
    expect((await caller(core).call('profiles:list', {})).canCreate).toBe(true);
  });

  it('still answers when the data could not be opened (the recovery screen)', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, DATABASE_FILE), 'this is not a database');
    const core = await coreWith({ profiles: { idleSignOutMinutes: 5 } }, dataDir);
    expect(core.problem).not.toBeNull();
    const view = await caller(core).call('policy:get', {});
    expect(view.policy).toEqual({ profiles: { idleSignOutMinutes: 5 } });
  });
});

describe('the policy over the app and profile settings', () => {
  it('forbids learners to create profiles when the policy says so, even though the app setting allows it', async () => {
    const core = await coreWith({ profiles: { allowSelfService: false } });
    const { admin } = await adminAndLearner(core);
    expect((await admin.call('settings:getApp', {})).settings.allowSelfServiceProfiles).toBe(false);

    const stranger = caller(core);
    expect((await stranger.call('profiles:list', {})).canCreate).toBe(false);
    const refused = await stranger.raw('profiles:create', { ...sampleProfile, displayName: 'Sneaky' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // An admin still creates profiles for learners.
    await admin.call('profiles:adminCreate', { ...sampleProfile, displayName: 'Added by admin' });
    expect((await admin.call('profiles:list', {})).profiles.map((p) => p.displayName)).toContain('Added by admin');
  });

  it('lets the app setting forbid self-service when the policy says nothing', async () => {
    const core = await coreWith({});
    const { admin } = await adminAndLearner(core);
    await admin.call('settings:updateApp', { patch: { allowSelfServiceProfiles: false } });
    expect((await caller(core).raw('profiles:create', { ...sampleProfile, displayName: 'X' })).ok).toBe(false);
  });

  it('refuses an admin who changes a locked app setting, naming it, and reads back the policy value', async () => {
    const core = await coreWith({ updates: { enabled: false, feedUrl: 'https://school.example/updates/' } });
    const { admin } = await adminAndLearner(core);
    const refused = await admin.raw('settings:updateApp', { patch: { updatesEnabled: true } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { setting: 'updatesEnabled' } } });
    expect(!refused.ok && refused.error.message).toContain('"updatesEnabled"');

    const { settings } = await admin.call('settings:updateApp', {
      patch: { updatesEnabled: false, updateChannel: 'beta', updateFeedUrl: 'https://school.example/updates/' },
    });
    expect(settings).toMatchObject({
      updatesEnabled: false,
      updateChannel: 'beta',
      updateFeedUrl: 'https://school.example/updates/',
    });
  });

  it('shows the policy value over one stored before the policy came', async () => {
    const dataDir = tempDir();
    const before = await makeCore({ dataDir });
    const { admin } = await adminAndLearner(before);
    await admin.call('settings:updateApp', { patch: { updatesEnabled: true, defaultUiLanguage: 'en' } });
    await before.close();

    const core = await coreWith({ updates: { enabled: false }, uiLanguages: ['es'] }, dataDir);
    expect((await caller(core).call('settings:getApp', {})).settings).toMatchObject({
      updatesEnabled: false,
      defaultUiLanguage: 'es',
    });
  });

  it('keeps a learner to the allowed interface languages', async () => {
    const core = await coreWith({ uiLanguages: ['es'] });
    const { learner } = await adminAndLearner(core);
    expect((await learner.call('settings:get', {})).settings.uiLanguage).toBe('es');
    const refused = await learner.raw('settings:update', { patch: { uiLanguage: 'en' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { setting: 'uiLanguage' } } });
    // The rest of the same settings form still saves.
    const saved = await learner.call('settings:update', { patch: { uiLanguage: 'es', theme: 'dark' } });
    expect(saved.settings).toMatchObject({ uiLanguage: 'es', theme: 'dark' });
  });

  it('leaves unlocked settings to the learner', async () => {
    const core = await coreWith({ uiLanguages: ['en', 'es'], profiles: { allowSelfService: true } });
    const { learner } = await adminAndLearner(core);
    const saved = await learner.call('settings:update', { patch: { uiLanguage: 'auto', dailyGoalMinutes: 30 } });
    expect(saved.settings).toMatchObject({ uiLanguage: 'auto', dailyGoalMinutes: 30 });
  });
});
