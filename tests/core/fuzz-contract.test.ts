import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Core } from '../../src-main/core';
import { channels, contract } from '../../src-shared/contract';
import { dbFingerprint } from '../support/db-fingerprint';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

const RUNS_PER_CHANNEL = 200;
let core: Core;
let dataDir: string;
let sessionId: string;

beforeAll(async () => {
  dataDir = tempDir();
  core = await makeCore({ dataDir });
  const admin = caller(core);
  sessionId = admin.sessionId;
  await admin.call('profiles:create', { ...sampleProfile, makeAdmin: true, password: 'admin pass' });
  await admin.call('profiles:adminCreate', { ...sampleProfile, displayName: 'Second' });
  await admin.call('settings:update', { patch: { theme: 'dark' } });
});
afterAll(async () => core.close());

/** Keys an object schema knows, so generated objects hit real fields with wrong values. */
function knownKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

const hostile = fc.oneof(
  fc.constant('x'.repeat(1_000_000)),
  fc.constant('\u0000\uffff\ud800'),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(-1e308),
  fc.constant([]),
  fc.constant(null),
  fc.constant(JSON.parse('{"__proto__":{"isAdmin":true,"polluted":1}}') as unknown),
  fc.constant(JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown),
);

function malformedInputs(schema: z.ZodType) {
  const keys = knownKeys(schema);
  const value = fc.oneof(fc.anything({ maxDepth: 2 }), hostile);
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] })
    : fc.dictionary(fc.string(), value);
  const polluted = shaped.map((o) => Object.assign(JSON.parse('{"__proto__":{"polluted":1}}') as object, o));
  return fc.oneof(fc.anything({ maxDepth: 3 }), hostile, shaped, polluted, fc.string(), fc.integer());
}

describe('every contract channel refuses malformed input', () => {
  it.each(channels)('%s', async (channel) => {
    const schema = contract[channel].input as z.ZodType;
    const before = dbFingerprint(dataDir);
    await fc.assert(
      fc.asyncProperty(malformedInputs(schema), async (input) => {
        fc.pre(!schema.safeParse(input).success);
        const envelope = await core.dispatch(channel, input, sessionId);
        expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
      }),
      { numRuns: RUNS_PER_CHANNEL, maxSkipsPerRun: 20 },
    );
    expect(dbFingerprint(dataDir)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('turns unknown channels and non-string channels into envelopes', async () => {
    for (const channel of ['', 'profiles', '__proto__', 'constructor', 'toString', 'profiles:list\u0000']) {
      expect(await core.dispatch(channel, {}, sessionId)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(await core.dispatch(42 as unknown as string, {}, sessionId)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
