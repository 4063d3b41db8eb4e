import type Database from 'better-sqlite3';

export interface IdleCheckpointOptions {
  /** How long after the last call the app counts as idle. */
  idleMs?: number;
  /** How often to look. */
  everyMs?: number;
  /** SQLite's own threshold, kept as a safety net for a stream of writes that never pauses (in WAL pages). */
  safetyPages?: number;
}

/**
 * Copies the WAL's pages into the database file while the app is idle, instead of inside whichever write happens
 * to cross SQLite's 1000-page threshold: that write also paid for copying and syncing every page before it (an
 * answer that took 10 ms instead of 1.5, once in every hundred). `around` wraps each call into the core; a PASSIVE
 * checkpoint runs once none has been in flight for `idleMs` (never inside a transaction), so the learner meets it
 * only if a click lands in those few milliseconds. Durability is unchanged: a commit is durable in the WAL.
 */
export function createIdleCheckpointer(sqlite: Database.Database, options: IdleCheckpointOptions = {}) {
  const { idleMs = 250, everyMs = 1000, safetyPages = 10_000 } = options;
  sqlite.pragma(`wal_autocheckpoint = ${safetyPages}`);
  let inFlight = 0;
  let lastCall = 0;
  let written = true;
  const timer = setInterval(() => {
    if (!written || inFlight > 0 || Date.now() - lastCall < idleMs || !sqlite.open || sqlite.inTransaction) return;
    written = false;
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  }, everyMs);
  timer.unref();
  return {
    async around<R>(work: () => Promise<R>): Promise<R> {
      inFlight += 1;
      try {
        return await work();
      } finally {
        inFlight -= 1;
        lastCall = Date.now();
        written = true;
      }
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}

export type IdleCheckpointer = ReturnType<typeof createIdleCheckpointer>;
