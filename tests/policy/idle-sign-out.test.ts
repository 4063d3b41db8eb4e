import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/core';
import type { CoreEvent } from '../../src-main/events';
import { IDLE_SWEEP_MS } from '../../src-main/policy/idle-sign-out';
import { parsePolicy } from '../../src-main/policy/loaded-policy';
import { caller, makeCore, sampleProfile } from '../support/test-core';

const MINUTE = 60_000;
let time = Date.UTC(2026, 0, 5, 9, 0);
const clock = { now: () => time };
let core: Core;

beforeEach(() => {
  // Only the sweep's timer is faked; the core's own I/O keeps real timers.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(async () => {
  await core.close();
  vi.useRealTimers();
});

async function signedIn(name: string) {
  const window = caller(core);
  await window.call('profiles:create', { ...sampleProfile, displayName: name });
  return window;
}

/** Moves the fake clock and lets the sweep run as often as it would have meanwhile. */
function wait(ms: number) {
  time += ms;
  vi.advanceTimersByTime(ms);
}

describe('signing out idle windows', () => {
  it('signs out a window idle longer than the policy allows, tells only that window why, and keeps the active one', async () => {
    core = await makeCore({ clock, policy: parsePolicy({ profiles: { idleSignOutMinutes: 10 } }, 'policy.json') });
    const seen: CoreEvent[] = [];
    core.events.subscribe((event) => seen.push(event));
    const idle = await signedIn('Idle');
    const busy = await signedIn('Busy');

    wait(6 * MINUTE);
    await busy.call('profiles:current', {});
    wait(4 * MINUTE + IDLE_SWEEP_MS);

    expect(seen).toEqual([
      { name: 'session:signedOut', payload: { reason: 'idle' }, target: { sessionIds: [idle.sessionId] } },
    ]);
    expect(core.internals().sessionProfile(idle.sessionId)).toBeNull();
    expect((await idle.call('profiles:current', {})).profile).toBeNull();
    expect((await busy.call('profiles:current', {})).profile?.displayName).toBe('Busy');
  });

  it('signs out only after the limit, within one sweep of it', async () => {
    core = await makeCore({ clock, policy: parsePolicy({ profiles: { idleSignOutMinutes: 1 } }, 'policy.json') });
    const window = await signedIn('Ana');
    wait(MINUTE - 1000);
    expect(core.internals().sessionProfile(window.sessionId)).not.toBeNull();
    wait(IDLE_SWEEP_MS + 1000);
    expect(core.internals().sessionProfile(window.sessionId)).toBeNull();
  });

  it('never signs anyone out without the policy', async () => {
    core = await makeCore({ clock });
    const window = await signedIn('Ana');
    wait(24 * 60 * MINUTE);
    expect(core.internals().sessionProfile(window.sessionId)).not.toBeNull();
  });
});
