import type { AppUpdater } from 'electron-updater';
import { configureUpdater, UPDATE_CHECK_INTERVAL_MS, type UpdatePlan } from './update-plan';

/**
 * One check: read the plan afresh (an admin may have changed the channel or the feed since the last one), apply it
 * when it changed, ask the feed, and wait for the download electron-updater starts in the background (autoDownload),
 * so its failure is reported here rather than lost as an unhandled rejection.
 */
export function createUpdateCheck(updater: AppUpdater, readPlan: () => Promise<UpdatePlan>): () => Promise<void> {
  let applied = '';
  return async () => {
    const plan = await readPlan();
    if (!plan.enabled) return;
    const key = JSON.stringify(plan);
    if (key !== applied) {
      configureUpdater(updater, plan);
      applied = key;
    }
    const result = await updater.checkForUpdates();
    await result?.downloadPromise;
  };
}

/**
 * Runs `check` now and every `intervalMs` (six hours), never two at once. A failed check (offline, say) is reported
 * and the next one tried on time. The timer is unref'd so it never keeps the app alive; the returned function stops it.
 */
export function scheduleUpdateChecks(
  check: () => Promise<void>,
  onError: (error: unknown) => void,
  intervalMs = UPDATE_CHECK_INTERVAL_MS,
): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    check()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
