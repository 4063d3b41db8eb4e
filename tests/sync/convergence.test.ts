import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncTransportError } from '../../src-main/providers/sync/transport';
import { newDataKey } from '../../src-main/services/sync/crypto';
import { caller, sampleProfile } from '../support/test-core';
import { derivedData, derivedFromScratch, syncedFingerprint, syncedRows, type Device } from './support/devices';
import { makePool } from './support/fleet';
import { createMemoryServer, type Faults } from './support/memory-server';

/*
 * The convergence property: 3–5 devices of one learner edit, review the same cards, delete and rename, and sync in
 * random order over a wire that drops requests, cuts pushes after the server stored them, and delivers pull pages
 * reordered with duplicates. After everyone syncs over a good connection, every device holds the same rows in
 * every synced table and every review made anywhere is present everywhere.
 */

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 200);
const MINUTE = 60_000;

type Op =
  | { k: 'edit'; d: number; n: number; field: 'term' | 'translation' | 'tags'; v: number }
  | { k: 'review'; d: number; rating: 1 | 2 | 3 | 4 }
  | { k: 'delete'; d: number; n: number }
  | { k: 'rename'; d: number; v: number }
  | { k: 'create'; d: number; v: number }
  | { k: 'sync'; d: number; faults: number[] }
  | { k: 'wait'; minutes: number };

const device = fc.nat({ max: 4 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('edit' as const),
      d: device,
      n: fc.nat(9),
      field: fc.constantFrom('term' as const, 'translation' as const, 'tags' as const),
      v: fc.nat(99),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('review' as const),
      d: device,
      rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('delete' as const), d: device, n: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('rename' as const), d: device, v: fc.nat(99) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('create' as const), d: device, v: fc.nat(99) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('sync' as const),
      d: device,
      faults: fc.array(fc.nat(9), { minLength: 1, maxLength: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }) }),
  },
);

/** Faults from a list of digits: 0–5 fine, 6–7 drop, 8 cut a push / shuffle a pull page, 9 drop. */
function faultsFrom(digits: number[]): Faults {
  let i = 0;
  const nextDigit = () => digits[i++ % digits.length]!;
  return {
    push: () => {
      const x = nextDigit();
      return x >= 8 ? 'cut' : x >= 6 ? 'drop' : 'ok';
    },
    pull: () => {
      const x = nextDigit();
      return x === 8 ? 'shuffle' : x >= 6 ? 'drop' : 'ok';
    },
  };
}

let pool: Awaited<ReturnType<typeof makePool>>;
const START = Date.UTC(2026, 0, 15, 12);
const dataKey = newDataKey();
let accountId = '';

beforeAll(async () => {
  pool = await makePool(5);
});
afterAll(() => pool.dispose());

async function liveNotes(d: Device, profileId: string): Promise<string[]> {
  return d.sqlite
    .prepare('SELECT id FROM notes WHERE profile_id = ? AND deleted_at IS NULL ORDER BY id')
    .pluck()
    .all(profileId) as string[];
}

async function runOp(devices: Device[], o: Op, profileId: string, clock: { t: number }) {
  clock.t += MINUTE;
  if (o.k === 'wait') {
    clock.t += o.minutes * MINUTE;
    return;
  }
  const d = devices[o.d % devices.length]!;
  const signedIn = d.core.internals().sessionProfile(d.c.sessionId) === profileId;
  if (o.k === 'sync') {
    try {
      await d.sync(server.session(accountId, d.name, faultsFrom(o.faults), 2));
    } catch (error) {
      if (!(error instanceof SyncTransportError)) throw error;
    }
    return;
  }
  if (!signedIn) {
    // A device that has not received the profile yet can do nothing but sync.
    const exists = d.sqlite.prepare('SELECT 1 FROM profiles WHERE id = ?').get(profileId);
    if (!exists) return;
    await d.c.call('profiles:signIn', { profileId });
  }
  const notes = await liveNotes(d, profileId);
  if (o.k === 'edit' && notes.length) {
    const noteId = notes[o.n % notes.length]!;
    const patch = o.field === 'tags' ? { tags: [`t${o.v}`] } : { [o.field]: `${o.field}-${d.name}-${o.v}` };
    await d.c.call('notes:update', { noteId, patch });
  } else if (o.k === 'delete' && notes.length) {
    const { cards } = await d.c.call('notes:get', { noteId: notes[o.n % notes.length]! });
    await d.c.call('browse:bulk', { cardIds: cards.map((x) => x.id), action: { kind: 'delete' } });
  } else if (o.k === 'rename') {
    const deck = d.sqlite
      .prepare('SELECT id FROM decks WHERE profile_id = ? AND deleted_at IS NULL ORDER BY id')
      .pluck()
      .get(profileId) as string | undefined;
    if (deck) await d.c.call('decks:update', { deckId: deck, name: `Deck ${d.name} ${o.v}` });
  } else if (o.k === 'create') {
    const deck = d.sqlite
      .prepare('SELECT id FROM decks WHERE profile_id = ? AND deleted_at IS NULL ORDER BY id')
      .pluck()
      .get(profileId) as string | undefined;
    if (deck)
      await d.c.call('notes:create', { deckId: deck, term: `nuevo-${d.name}-${o.v}-${clock.t}`, translation: 'new' });
  } else if (o.k === 'review') {
    const fresh = caller(d.core);
    await fresh.call('profiles:signIn', { profileId });
    const scope = { deckId: null };
    const next = await fresh.call('review:next', scope);
    if (next.card)
      await fresh.call('review:answer', { scope, cardId: next.card.cardId, rating: o.rating, durationMs: 4000 });
    d.core.closeSession(fresh.sessionId);
  }
}

let server = createMemoryServer();

describe('sync convergence', () => {
  it(`every device ends with the same data and every review (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(op, { minLength: 5, maxLength: 30 }),
        async (count, ops) => {
          server = createMemoryServer();
          accountId = randomUUID();
          const clock = pool.clock;
          clock.t = START;
          const devices = pool.devices(count);
          const first = devices[0]!.c;
          const { profile } = await first.call('profiles:create', { ...sampleProfile });
          const { deck } = await first.call('decks:create', { name: 'Spanish' });
          for (let i = 0; i < 4; i += 1)
            await first.call('notes:create', { deckId: deck.id, term: `palabra${i}`, translation: `word${i}` });
          const profileId = profile.id;
          pool.link(devices, { profileId, accountId, dataKey });
          {
            for (const o of ops) await runOp(devices, o, profileId, clock);
            const reviews = new Set<string>();
            for (const d of devices)
              for (const id of d.sqlite.prepare('SELECT id FROM review_logs').pluck().all() as string[])
                reviews.add(id);
            for (let round = 0; round < 2; round += 1) {
              for (const d of devices) await d.sync(server.session(accountId, d.name));
            }
            const expected = syncedFingerprint(devices[0]!.sqlite, profileId);
            for (const d of devices) {
              const fingerprint = syncedFingerprint(d.sqlite, profileId);
              if (fingerprint !== expected)
                expect(syncedRows(d.sqlite, profileId)).toEqual(syncedRows(devices[0]!.sqlite, profileId));
              expect(new Set(d.sqlite.prepare('SELECT id FROM review_logs').pluck().all() as string[])).toEqual(
                reviews,
              );
              // What each device derives from those rows itself: progress totals and the search index.
              expect(derivedData(d.sqlite)).toEqual(derivedFromScratch(d.sqlite));
              expect(d.sqlite.prepare('SELECT count(*) FROM sync_parked').pluck().get()).toBe(0);
              expect(d.sqlite.prepare('SELECT count(*) FROM changes WHERE sent_at IS NULL').pluck().get()).toBe(0);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
