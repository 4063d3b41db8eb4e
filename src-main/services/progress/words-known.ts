import type Database from 'better-sqlite3';

/** Notes per step of the estimate: ~10 ms of work, so the event loop is never held for long. */
const NOTES_PER_STEP = 2_000;
/** Recall chances fall with time: an estimate older than this is worked out again even if nothing changed. */
const MAX_AGE_MS = 10 * 60_000;

/*
 * Words known, estimated: for each note, the best chance among its cards (recognition, production, cloze) of
 * recalling it right now, by FSRS's forgetting curve R = (1 + F·t/S)^(−decay) with F = 0.9^(−1/decay) − 1, t the
 * days since the card's last review and S its stability (see retrievability() in src-shared/domain/progress-stats);
 * then summed over notes. A note whose best card sits at 90 % counts as 0.9 of a word: the expected number of words
 * the learner would get right if asked every one of them now. Notes never studied count nothing; a suspended card
 * still counts (the learner may know the word and simply not want to drill it).
 */
const STEP = `
  SELECT note_id AS noteId,
    max(CASE WHEN state != 0 AND last_review IS NOT NULL AND stability > 0
      THEN pow(1 + @factor * max(0, @now - last_review) / 86400000.0 / stability, -@decay) END) AS best
  FROM cards INDEXED BY cards_note
  WHERE note_id > @after AND profile_id = @profileId AND deleted_at IS NULL
  GROUP BY note_id ORDER BY note_id LIMIT ${NOTES_PER_STEP}`;

export interface WordsEstimate {
  known: number;
  /** Notes with at least one studied card, and notes with any live card. */
  studied: number;
  total: number;
  /** When the estimate was worked out; null before the first one. */
  asOf: number | null;
  /** A newer estimate is being worked out. */
  pending: boolean;
}

interface Cached {
  known: number;
  studied: number;
  total: number;
  asOf: number;
  seq: number;
}

/**
 * The words-known estimate needs every card of the profile (235k for a big one, ~300 ms of SQL), too slow for the
 * dashboard and too long to hold the event loop. So it is worked out in steps between other calls and kept per
 * profile; the dashboard shows the latest one with its time and asks again while a newer one is on its way. It is
 * worked out again when the profile's data changed (a newer outbox entry) or it has aged.
 */
export function createWordsKnown(sqlite: Database.Database, now: () => number) {
  const step = sqlite.prepare(STEP);
  const latestChange = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM changes WHERE profile_id = ?').pluck();
  const cache = new Map<string, Cached>();
  const running = new Map<string, Promise<void>>();

  const estimate = async (profileId: string, decay: number): Promise<void> => {
    const seq = latestChange.get(profileId) as number;
    const at = now();
    const factor = Math.pow(0.9, -1 / decay) - 1;
    const sum = { known: 0, studied: 0, total: 0 };
    let after = '';
    for (;;) {
      const rows = step.all({ profileId, after, now: at, factor, decay }) as { noteId: string; best: number | null }[];
      for (const row of rows) {
        sum.total += 1;
        if (row.best === null) continue;
        sum.studied += 1;
        sum.known += row.best;
      }
      if (rows.length < NOTES_PER_STEP) break;
      after = rows[rows.length - 1]!.noteId;
      await new Promise((resolve) => setImmediate(resolve));
      // The core closed its connection meanwhile (the app is quitting): drop the estimate.
      if (!sqlite.open) return;
    }
    cache.set(profileId, { known: Math.round(sum.known), studied: sum.studied, total: sum.total, asOf: at, seq });
  };

  const refresh = (profileId: string, decay: number): Promise<void> => {
    let job = running.get(profileId);
    if (!job) {
      // An estimate that fails (the profile deleted meanwhile) leaves the last one in place; the next call retries.
      job = estimate(profileId, decay)
        .catch(() => undefined)
        .finally(() => running.delete(profileId));
      running.set(profileId, job);
    }
    return job;
  };

  return {
    /** The latest estimate; starts working out a newer one when it is out of date. */
    get(profileId: string, decay: number): WordsEstimate {
      const cached = cache.get(profileId);
      const fresh =
        cached !== undefined &&
        now() - cached.asOf < MAX_AGE_MS &&
        cached.seq === (latestChange.get(profileId) as number);
      if (!fresh) void refresh(profileId, decay);
      const pending = running.has(profileId);
      return cached
        ? { known: cached.known, studied: cached.studied, total: cached.total, asOf: cached.asOf, pending }
        : { known: 0, studied: 0, total: 0, asOf: null, pending };
    },
    /** Resolves once the estimate being worked out (if any) is ready. */
    settled: (profileId: string): Promise<void> => running.get(profileId) ?? Promise.resolve(),
  };
}
export type WordsKnown = ReturnType<typeof createWordsKnown>;
