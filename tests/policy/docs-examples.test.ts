import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src-main/policy/loaded-policy';
import { machinePolicySchema } from '../../src-shared/domain/policy';

const guide = readFileSync(path.resolve(import.meta.dirname, '../../docs/deploy-schools.md'), 'utf8');
const examples = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

describe('the policy examples in docs/deploy-schools.md', () => {
  it('are there: a full one and a minimal one', () => {
    expect(examples).toHaveLength(2);
  });

  it.each(examples.map((text, i) => [i, text]))('example %i is a valid policy', (_i, text) => {
    expect(parsePolicy(JSON.parse(text), 'docs').problems).toEqual([]);
  });

  it('the full one uses every key the policy has', () => {
    const full = JSON.parse(examples[0] ?? '{}') as Record<string, Record<string, unknown>>;
    expect(Object.keys(full).sort()).toEqual(Object.keys(machinePolicySchema.shape).sort());
    for (const [key, value] of Object.entries(machinePolicySchema.shape)) {
      const inner = (value as { unwrap?: () => { shape?: object } }).unwrap?.().shape;
      if (inner) expect(Object.keys(full[key] ?? {}).sort(), key).toEqual(Object.keys(inner).sort());
    }
  });
});
