import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src-main/core';
import { createMemoryKeyStore } from '../../src-main/providers/keystore';
import type { Channel, Input, Output } from '../../src-shared/contract';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');
export const RESOURCES_DIR = path.resolve(import.meta.dirname, '../../resources');

/** Cheap scrypt for unit tests; the end-to-end tests use the real cost. */
export const TEST_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 };

export function tempDir(prefix = 'parley-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function makeCore(overrides: Partial<CoreOptions> = {}): Promise<Core> {
  return createCore({
    dataDir: overrides.dataDir ?? tempDir(),
    keystore: createMemoryKeyStore(),
    migrationsDir: MIGRATIONS_DIR,
    resourcesDir: RESOURCES_DIR,
    shell: 'test',
    validateOutput: true,
    scryptCost: TEST_SCRYPT_COST,
    logLevel: 'debug',
    ...overrides,
  });
}

/** A typed caller for one session that throws on an error envelope (use `core.dispatch` to see envelopes). */
export function caller(core: Core, sessionId = core.openSession()) {
  return {
    sessionId,
    async call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      const envelope = await core.dispatch(channel, input, sessionId);
      if (!envelope.ok) throw Object.assign(new Error(`${envelope.error.code}: ${envelope.error.message}`), envelope.error);
      return envelope.value as Output<C>;
    },
    raw: (channel: string, input: unknown) => core.dispatch(channel, input, sessionId),
  };
}

export const sampleProfile: Input<'profiles:create'> & { displayName: string } = {
  displayName: 'Ana',
  nativeLanguage: 'en',
  targetLanguage: 'es',
  level: 'A2',
  goals: ['travel'],
  interests: ['cooking'],
};
