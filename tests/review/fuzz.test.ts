import fc from 'fast-check';
import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { schedulerFor } from '../../src-main/services/review/scheduler';
import { DEFAULT_PRESET } from '../../src-shared/domain/vocabulary';

// schedulerFor's apply_fuzz (one hash of the seed per answer) against ts-fsrs's own (a fresh Alea per interval).
describe('the fuzzed interval', () => {
  it('is the one ts-fsrs computes, for any seed, interval and elapsed time', () => {
    for (const maximumInterval of [36500, 300, 30]) {
      const ours = schedulerFor({ ...DEFAULT_PRESET, fsrsWeights: null, fuzz: true, maximumInterval });
      const theirs = new FSRSAlgorithm(generatorParameters({ enable_fuzz: true, maximum_interval: maximumInterval }));
      fc.assert(
        fc.property(
          fc.oneof(
            fc.tuple(fc.integer({ min: 0, max: 2 ** 42 }), fc.nat(500), fc.double({ min: 0, max: 1e4, noNaN: true })).map(([t, r, m]) => `${t}_${r}_${m}`),
            fc.string({ unit: 'binary', maxLength: 40 }),
          ),
          fc.array(fc.tuple(fc.double({ min: 0, max: 40000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true })), { minLength: 1, maxLength: 4 }),
          (seed, intervals) => {
            ours.seed = seed;
            theirs.seed = seed;
            for (const [ivl, elapsed] of intervals) expect(ours.apply_fuzz(ivl, elapsed)).toBe(theirs.apply_fuzz(ivl, elapsed));
          },
        ),
        { numRuns: 3000 },
      );
    }
  });
});
