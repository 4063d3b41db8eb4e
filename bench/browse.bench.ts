import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Input } from '../src-shared/contract';
import { createBigProfile, type BigProfile } from './support/big-profile';
import { median, round, type Benchmark } from './harness';

type Search = Input<'browse:search'>;

const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Queries a learner types, taken from the profile's own words so that each one finds something. */
function realisticQueries(big: BigProfile): { label: string; input: Search }[] {
  const { sqlite } = big.core.internals();
  const term = (like: string) =>
    sqlite
      .prepare(`SELECT term FROM notes WHERE profile_id = ? AND term LIKE ? ORDER BY rowid LIMIT 1 OFFSET 500`)
      .pluck()
      .get(big.profileId, like) as string;
  const plain = term('%');
  const accented = term('%á%');
  const translation = sqlite
    .prepare(`SELECT translation FROM notes WHERE profile_id = ? ORDER BY rowid LIMIT 1 OFFSET 777`)
    .pluck()
    .get(big.profileId) as string;
  return [
    { label: 'word prefix', input: { query: plain.slice(0, 4) } },
    { label: 'accented word typed without accents', input: { query: stripAccents(accented) } },
    { label: 'tag filter', input: { tag: 'travel' } },
    {
      label: 'query, deck filter, sort by due',
      input: { query: translation.slice(0, 5), deckId: big.deckId, sort: 'due' },
    },
  ];
}

const browseSearch: Benchmark = {
  figures: ['browse.search_ms'],
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-browse-'));
    const big = await createBigProfile({ dataDir });
    try {
      const queries = realisticQueries(big);
      const search = async (input: Search) => {
        const envelope = await big.core.dispatch('browse:search', input, big.sessionId);
        if (!envelope.ok) throw new Error(envelope.error.message);
        return envelope.value as { total: number };
      };
      const matches = await Promise.all(queries.map(async (q) => (await search(q.input)).total));
      const perQuery = queries.map(() => [] as number[]);
      for (let round = 0; round < 25; round += 1) {
        for (const [i, q] of queries.entries()) {
          const started = performance.now();
          await search(q.input);
          perQuery[i]!.push(performance.now() - started);
        }
      }
      const samples = perQuery.flat();
      return [
        {
          name: 'browse.search_ms',
          value: round(median(samples), 2),
          unit: 'ms',
          n: samples.length,
          stat: 'median over realistic queries through dispatch',
          profile: big.size,
          queries: queries.map((q, i) => ({
            query: q.label,
            matches: matches[i],
            median_ms: round(median(perQuery[i]!), 2),
          })),
        },
      ];
    } finally {
      await big.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export const benchmarks = [browseSearch];
