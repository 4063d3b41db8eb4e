import type { BrowserWindow } from 'electron';
import { shellLog } from './shell-log';

/** A renderer that dies this often this fast is crashing on load; reloading it again would only spin. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

/** Reloads the window's page when its renderer process dies, up to MAX_RELOADS times per RELOAD_WINDOW_MS. */
export function reloadAfterCrash(window: BrowserWindow, now: () => number = Date.now): void {
  let recent: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    shellLog.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const at = now();
    recent = recent.filter((t) => at - t < RELOAD_WINDOW_MS);
    if (recent.length >= MAX_RELOADS) {
      shellLog.error('renderer keeps crashing; not reloading again', { reloads: recent.length });
      return;
    }
    recent.push(at);
    window.webContents.reload();
  });
}
