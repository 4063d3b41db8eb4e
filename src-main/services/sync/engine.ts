import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { syncMessage, type SyncChange, type SyncMessage } from '../../../src-shared/sync/messages';
import { limits, type PullResponse } from '../../../src-shared/sync/protocol';
import type { SyncSession } from '../../providers/sync/transport';
import { withReviewTotalsDeferred } from '../../../db/functions';
import { createApplier, type Applier } from './apply';
import type { SyncedTableInfo } from './tables';
import { decryptMessage, encryptMessage, SyncDecryptError } from './crypto';

/** Plaintext bytes of changes per message: compressed and sealed it stays far below the server's 256 KiB. */
const MESSAGE_PLAIN_BYTES = 192 * 1024;
const MESSAGE_CHANGES = 2000;
/** Base64 bytes per push request, under the server's 8 MiB body cap. */
const PUSH_BODY_BYTES = 6 * 1024 * 1024;
const PULL_LIMIT = 1000;
/** Changes applied per transaction while pulling (a few hundred milliseconds of work on a slow machine). */
const APPLY_CHANGES = 10_000;
/** Page cache while pulling, in KiB (negative: a size rather than a page count). */
const PULL_CACHE_KIB = -131_072;

export interface SyncAccount {
  profileId: string;
  accountId: string;
  dataKey: Buffer;
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number;
}

export interface EngineDeps {
  sqlite: Database.Database;
  now: () => number;
  /** The local HLC clock moves past every remote timestamp applied. */
  receive: (hlc: string) => void;
  /** The synced tables this version knows (tests pass fewer to play an older version). */
  knownTables?: ReadonlyMap<string, SyncedTableInfo>;
}

export class SyncIntegrityError extends Error {}

/**
 * One device's sync of one profile: push the outbox, then pull and apply what is new. Every step is resumable: a
 * message planned from the outbox keeps its id until the server acknowledges it, and the pull cursor moves only in
 * the transaction that applied the page.
 */
export function createSyncEngine(deps: EngineDeps) {
  const { sqlite } = deps;
  let applier: Applier | null = null;
  const applierFor = () => (applier ??= createApplier(sqlite, deps.knownTables));

  const outgoingRows = sqlite.prepare(
    'SELECT message_id AS messageId, from_seq AS fromSeq, to_seq AS toSeq FROM sync_outgoing WHERE profile_id = ? ORDER BY to_seq',
  );
  const changesIn = sqlite.prepare(
    `SELECT seq, table_name AS t, row_id AS r, op AS o, hlc AS h, data FROM changes WHERE profile_id = ? AND seq > ? AND seq <= ? AND sent_at IS NULL ORDER BY seq`,
  );
  const unsentAfter = sqlite.prepare(
    `SELECT seq, length(data) + length(row_id) + length(hlc) + 40 AS bytes FROM changes INDEXED BY changes_unsent WHERE profile_id = ? AND seq > ? AND sent_at IS NULL ORDER BY seq`,
  );
  const addOutgoing = sqlite.prepare(
    'INSERT INTO sync_outgoing (message_id, profile_id, from_seq, to_seq) VALUES (?, ?, ?, ?)',
  );
  const markSent = sqlite.prepare(
    'UPDATE changes SET sent_at = ? WHERE profile_id = ? AND seq > ? AND seq <= ? AND sent_at IS NULL',
  );
  const dropOutgoing = sqlite.prepare('DELETE FROM sync_outgoing WHERE message_id = ?');
  const recordSent = sqlite.prepare('INSERT OR IGNORE INTO sync_sent (message_id, profile_id) VALUES (?, ?)');
  const wasSent = sqlite.prepare('SELECT 1 FROM sync_sent WHERE message_id = ? AND profile_id = ?').pluck();
  const forgetSent = sqlite.prepare('DELETE FROM sync_sent WHERE message_id = ?');
  const pendingCount = sqlite
    .prepare('SELECT count(*) FROM changes INDEXED BY changes_unsent WHERE profile_id = ? AND sent_at IS NULL')
    .pluck();
  const readCursor = sqlite.prepare('SELECT cursor FROM sync_state WHERE profile_id = ?').pluck();
  const writeCursor = sqlite.prepare('UPDATE sync_state SET cursor = ? WHERE profile_id = ?');

  /** Groups the unsent changes not yet in a planned message into new messages (ids fixed from now on). */
  const plan = sqlite.transaction((profileId: string) => {
    const planned = outgoingRows.all(profileId) as { toSeq: number }[];
    const after = planned.length ? planned[planned.length - 1]!.toSeq : 0;
    // A message covers (from, last]: from is just before its first unsent change, never the start of the outbox
    // (acknowledged messages leave no row behind, and their changes must not travel again).
    let from = after;
    let count = 0;
    let bytes = 0;
    let last = after;
    const close = () => {
      if (count === 0) return;
      addOutgoing.run(uuidv7(), profileId, from, last);
      count = 0;
      bytes = 0;
    };
    // Read first, then write: better-sqlite3 refuses writes while a statement is being iterated.
    for (const row of unsentAfter.all(profileId, after) as { seq: number; bytes: number }[]) {
      if (count > 0 && (count >= MESSAGE_CHANGES || bytes + row.bytes > MESSAGE_PLAIN_BYTES)) close();
      if (count === 0) from = row.seq - 1;
      count += 1;
      bytes += row.bytes;
      last = row.seq;
    }
    close();
  });

  const buildMessage = (profileId: string, fromSeq: number, toSeq: number): string => {
    const changes: SyncChange[] = [];
    for (const row of changesIn.iterate(profileId, fromSeq, toSeq) as Iterable<{
      t: string;
      r: string;
      o: SyncChange['o'];
      h: string;
      data: string;
    }>) {
      changes.push({ t: row.t, r: row.r, o: row.o, h: row.h, d: JSON.parse(row.data) as Record<string, unknown> });
    }
    const message: SyncMessage = { v: 1, profileId, changes };
    return JSON.stringify(message);
  };

  type Opened = { id: string; seq: number; message: SyncMessage };

  /**
   * Opens every message of a page before any is applied: a message that fails its check stops the sync with
   * nothing of the page applied, and the cursor stays before it. Messages this device sent itself are skipped.
   */
  const openPage = (messages: PullResponse['messages'], after: number, account: SyncAccount) => {
    const seen = new Set<string>();
    const own: string[] = [];
    const opened: Opened[] = [];
    for (const m of [...messages].sort((a, b) => a.seq - b.seq)) {
      if (m.seq <= after || seen.has(m.id)) continue;
      seen.add(m.id);
      if (wasSent.get(m.id, account.profileId)) {
        own.push(m.id);
        continue;
      }
      try {
        const plain = decryptMessage(account.dataKey, m.id, account.accountId, Buffer.from(m.ciphertext, 'base64'));
        opened.push({ id: m.id, seq: m.seq, message: syncMessage.parse(JSON.parse(plain)) });
      } catch (error) {
        if (error instanceof SyncDecryptError) throw new SyncIntegrityError(error.message);
        throw new SyncIntegrityError(`Message ${m.id} could not be read`);
      }
    }
    return { opened, own };
  };

  /**
   * Applies opened messages in transactions of about APPLY_CHANGES changes, each moving the cursor past the messages
   * it applied (the last one to the page's end), and yields between them so a first sync does not hold the event
   * loop for seconds. A crash between two leaves the cursor after the last committed message; applying a message
   * again is harmless (ids, union and HLC comparisons make it idempotent).
   */
  const applyPage = async (opened: Opened[], own: string[], pageEnd: number, account: SyncAccount) => {
    const applier = applierFor();
    let applied = 0;
    let i = 0;
    do {
      const chunk: Opened[] = [];
      for (let size = 0; i < opened.length && (chunk.length === 0 || size < APPLY_CHANGES); i += 1) {
        chunk.push(opened[i]!);
        size += opened[i]!.message.changes.length;
      }
      const last = i >= opened.length;
      sqlite.transaction(() => {
        const now = deps.now();
        let maxHlc = '';
        // Thousands of answers a chunk on a first sync: their progress totals are added once, not per row.
        try {
          withReviewTotalsDeferred(sqlite, () => {
            for (const { id, message } of chunk) {
              if (message.profileId !== account.profileId) continue;
              for (const change of message.changes) {
                applier.apply(account.profileId, id, change, now);
                if (change.h > maxHlc) maxHlc = change.h;
                applied += 1;
              }
            }
            applier.flush();
          });
        } catch (error) {
          applier.abandon();
          throw error;
        }
        if (last) {
          for (const id of own) forgetSent.run(id);
          applier.retryParked(account.profileId, now);
        }
        applier.rememberTouched(account.profileId);
        writeCursor.run(String(last ? pageEnd : chunk[chunk.length - 1]!.seq), account.profileId);
        if (maxHlc) deps.receive(maxHlc);
      })();
      if (!last) await new Promise<void>((resolve) => setImmediate(resolve));
    } while (i < opened.length);
    return applied;
  };

  return {
    pending: (profileId: string) => pendingCount.get(profileId) as number,

    async push(session: SyncSession, account: SyncAccount, progress?: (p: SyncProgress) => void): Promise<number> {
      plan(account.profileId);
      const planned = outgoingRows.all(account.profileId) as { messageId: string; fromSeq: number; toSeq: number }[];
      let sent = 0;
      for (let i = 0; i < planned.length;) {
        const batch: { id: string; ciphertext: string; size: number }[] = [];
        const ranges: typeof planned = [];
        let bytes = 0;
        while (i < planned.length && batch.length < limits.pushMessages) {
          const row = planned[i]!;
          const sealed = encryptMessage(
            account.dataKey,
            row.messageId,
            account.accountId,
            buildMessage(account.profileId, row.fromSeq, row.toSeq),
          );
          const ciphertext = sealed.toString('base64');
          if (batch.length > 0 && bytes + ciphertext.length > PUSH_BODY_BYTES) break;
          batch.push({ id: row.messageId, ciphertext, size: sealed.length });
          ranges.push(row);
          bytes += ciphertext.length;
          i += 1;
        }
        const response = await session.push(batch);
        const acknowledged = new Set(response.accepted.map((a) => a.id));
        const at = deps.now();
        sqlite.transaction(() => {
          for (const row of ranges) {
            if (!acknowledged.has(row.messageId)) continue;
            markSent.run(at, account.profileId, row.fromSeq, row.toSeq);
            dropOutgoing.run(row.messageId);
            recordSent.run(row.messageId, account.profileId);
          }
        })();
        sent += ranges.length;
        progress?.({ phase: 'push', done: sent, total: planned.length });
      }
      return sent;
    },

    async pull(session: SyncSession, account: SyncAccount, progress?: (p: SyncProgress) => void): Promise<number> {
      const applier = applierFor();
      const start = Number(readCursor.get(account.profileId) || 0);
      let after = start;
      let applied = 0;
      // A first sync writes millions of index entries: a bigger page cache for the pull (the default is 2 MiB).
      const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
      sqlite.pragma(`cache_size = ${PULL_CACHE_KIB}`);
      try {
        let fetching = session.pull(after, PULL_LIMIT);
        for (;;) {
          const page = await fetching;
          const next = Math.max(after, page.nextAfter);
          const more = page.hasMore && page.messages.length > 0;
          // The next page travels while this one is opened and applied.
          if (more) (fetching = session.pull(next, PULL_LIMIT)).catch(() => undefined);
          const { opened, own } = openPage(page.messages, after, account);
          applied += await applyPage(opened, own, next, account);
          after = next;
          progress?.({ phase: 'pull', done: after - start, total: Math.max(page.highestSeq - start, after - start) });
          if (!more) break;
        }
      } finally {
        sqlite.pragma(`cache_size = ${cacheSize}`);
      }
      // Once per pull, not per page: a first sync touches a card on many pages.
      sqlite.transaction(() => applier.replayTouched(account.profileId))();
      return applied;
    },

    /** The profile the account's data belongs to (from its first message), for "Sign in with the school server". */
    async firstProfileId(session: SyncSession, account: Omit<SyncAccount, 'profileId'>): Promise<string | null> {
      const page = await session.pull(0, 1);
      const first = page.messages[0];
      if (!first) return null;
      try {
        return syncMessage.parse(
          JSON.parse(
            decryptMessage(account.dataKey, first.id, account.accountId, Buffer.from(first.ciphertext, 'base64')),
          ),
        ).profileId;
      } catch {
        throw new SyncIntegrityError(`Message ${first.id} could not be read`);
      }
    },

    /** Tries parked changes again (at start, after an upgrade that may know their tables now). */
    retryParked(profileId: string): number {
      const applier = applierFor();
      return sqlite.transaction(() => {
        const count = applier.retryParked(profileId, deps.now());
        applier.replayTouched(profileId);
        return count;
      })();
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
