import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { caller, makeCore, sampleProfile } from '../support/test-core';

let core: Core;
afterEach(async () => core?.close());

describe('profiles', () => {
  it('creates the first profile as admin and signs the session in', async () => {
    core = await makeCore();
    const a = caller(core);
    const { profile, signedIn } = await a.call('profiles:create', { ...sampleProfile, makeAdmin: true });
    expect(signedIn).toBe(true);
    expect(profile.isAdmin).toBe(true);
    expect((await a.call('profiles:current', {})).profile?.id).toBe(profile.id);
    expect((await a.call('profiles:list', {})).profiles.map((p) => p.displayName)).toEqual(['Ana']);
  });

  it('only the first profile may become admin', async () => {
    core = await makeCore();
    await caller(core).call('profiles:create', { ...sampleProfile });
    const { profile } = await caller(core).call('profiles:create', { ...sampleProfile, displayName: 'Ben', makeAdmin: true });
    expect(profile.isAdmin).toBe(false);
  });

  it('needs the right password to sign in and says clearly when it is wrong', async () => {
    core = await makeCore();
    const { profile } = await caller(core).call('profiles:create', { ...sampleProfile, password: 'correct horse' });
    const b = caller(core);
    const wrong = await b.raw('profiles:signIn', { profileId: profile.id, password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', message: expect.stringMatching(/not right/) } });
    expect((await b.call('profiles:current', {})).profile).toBeNull();
    await b.call('profiles:signIn', { profileId: profile.id, password: 'correct horse' });
    expect((await b.call('profiles:current', {})).profile?.id).toBe(profile.id);
  });

  it('slows down after five wrong passwords', async () => {
    let now = 1_000_000;
    core = await makeCore({ clock: { now: () => now } });
    const { profile } = await caller(core).call('profiles:create', { ...sampleProfile, password: 'secret pass' });
    const b = caller(core);
    for (let i = 0; i < 5; i += 1) {
      expect((await b.raw('profiles:signIn', { profileId: profile.id, password: 'bad' })).ok).toBe(false);
    }
    const waiting = await b.raw('profiles:signIn', { profileId: profile.id, password: 'secret pass' });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAfterMs: 1000 } } });
    now += 1_000;
    const sixth = await b.raw('profiles:signIn', { profileId: profile.id, password: 'bad' });
    expect(sixth).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    const locked = await b.raw('profiles:signIn', { profileId: profile.id, password: 'secret pass' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAfterMs: 2000 } } });
    now += 2_000;
    expect((await b.raw('profiles:signIn', { profileId: profile.id, password: 'secret pass' })).ok).toBe(true);
  });

  it('deletes a profile only with its name typed, and removes every row it owned', async () => {
    core = await makeCore();
    const a = caller(core);
    const { profile } = await a.call('profiles:create', { ...sampleProfile });
    await a.call('settings:update', { patch: { theme: 'dark', dailyGoalMinutes: 30 } });
    const mismatch = await a.raw('profiles:delete', { profileId: profile.id, confirmation: 'ana' });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_MISMATCH' } });
    const { deletedRows } = await a.call('profiles:delete', { profileId: profile.id, confirmation: 'Ana' });
    // the profile row, its credentials, two settings and three outbox changes
    expect(deletedRows).toBe(7);
    expect((await a.call('profiles:list', {})).profiles).toEqual([]);
    expect((await a.call('profiles:current', {})).profile).toBeNull();
  });

  it('lets an admin create and reset other profiles, and forbids it to others', async () => {
    core = await makeCore();
    const admin = caller(core);
    await admin.call('profiles:create', { ...sampleProfile, makeAdmin: true });
    const { profile: student } = await admin.call('profiles:adminCreate', { ...sampleProfile, displayName: 'Student', password: 'first pass' });
    const s = caller(core);
    await s.call('profiles:signIn', { profileId: student.id, password: 'first pass' });
    expect(await s.raw('profiles:adminCreate', { ...sampleProfile, displayName: 'X' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await admin.call('profiles:adminResetPassword', { profileId: student.id, newPassword: 'new pass' });
    expect((await s.call('profiles:current', {})).profile).toBeNull();
    await s.call('profiles:signIn', { profileId: student.id, password: 'new pass' });
  });

  it('hides self-service creation when the admin turns it off', async () => {
    core = await makeCore();
    const admin = caller(core);
    await admin.call('profiles:create', { ...sampleProfile, makeAdmin: true });
    await admin.call('settings:updateApp', { patch: { allowSelfServiceProfiles: false } });
    const other = caller(core);
    expect((await other.call('profiles:list', {})).canCreate).toBe(false);
    expect(await other.raw('profiles:create', { ...sampleProfile, displayName: 'Eve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
