import type { Core } from '../../src-main/core';
import type { NoteInput } from '../../src-main/services/notes/notes-service';
import { caller, makeCore, sampleProfile } from '../support/test-core';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 12:00 UTC: the middle of a study day that starts at 04:00 in UTC. */
export const NOON = Date.UTC(2026, 2, 10, 12);

/** A signed-in learner on a core whose clock the test moves, with study days counted in UTC. */
export async function learner(options: { native?: 'en' | 'es'; target?: 'es' | 'en'; resourcesDir?: string } = {}) {
  const clock = { at: NOON };
  const core: Core = await makeCore({
    clock: { now: () => clock.at },
    ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
  });
  const c = caller(core);
  const { profile } = await c.call('profiles:create', {
    ...sampleProfile,
    nativeLanguage: options.native ?? 'en',
    targetLanguage: options.target ?? 'es',
  });
  await c.call('settings:update', { patch: { timeZone: 'UTC' } });
  const { services, sqlite } = core.internals();
  return { core, c, clock, profileId: profile.id, services, sqlite };
}

export const word = (term: string, translation: string, extra: Partial<NoteInput> = {}): NoteInput => ({
  term,
  translation,
  examples: [],
  partOfSpeech: null,
  gender: null,
  ipa: null,
  tags: [],
  ...extra,
});

export const words = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => word(`${prefix}${i}`, `${prefix}-t${i}`));
