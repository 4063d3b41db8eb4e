/** The kill test's clock: answer n happens at BASE + n × STEP, so the parent can find the log row of each answer. */
export const KILL_CLOCK_BASE = Date.UTC(2026, 0, 1, 12);
export const KILL_CLOCK_STEP = 20 * 60_000;
