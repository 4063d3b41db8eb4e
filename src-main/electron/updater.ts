import { net } from 'electron';
import type { Logger } from 'electron-updater';
import type { MachinePolicy } from '../../src-shared/domain/policy';
import type { Core } from '../core';
import { createSignatureGate, fetchSignatureSource } from '../updates/signature-gate';
import { UPDATE_PUBLIC_KEY } from '../updates/update-public-key';
import { planUpdates } from '../updates/update-plan';
import { readUpdateSettings } from '../updates/update-settings';
import { createUpdateCheck, scheduleUpdateChecks } from '../updates/update-schedule';
import { createVerifyingUpdater, updaterKindFor } from '../updates/verifying-updaters';
import { shellLog } from './shell-log';

export type UpdaterCore = Pick<Core, 'dispatch' | 'openSession'>;

/** electron-updater's step-by-step chatter stays out of the log; what goes wrong does not. */
const updaterLog: Logger = {
  info: () => undefined,
  warn: (message?: unknown) => shellLog.warn('updater', { message: String(message) }),
  error: (message?: unknown) => shellLog.error('updater', { message: String(message) }),
};

/**
 * Checks for updates now and every six hours, downloads in the background and installs when the app quits — only
 * a file whose Ed25519 signature verifies against the key built into Parley. Only for a packaged app (electron-updater
 * has nothing to update otherwise). Returns a function that stops the checks.
 */
export function startUpdater(core: UpdaterCore, policy: MachinePolicy): () => void {
  const kind = updaterKindFor(process.platform, process.resourcesPath);
  if (!kind) {
    shellLog.warn('no updater for this kind of installation; updates are left to the package manager');
    return () => undefined;
  }
  const gate = createSignatureGate(
    UPDATE_PUBLIC_KEY,
    fetchSignatureSource((url, init) => net.fetch(url, init)),
  );
  const updater = createVerifyingUpdater(kind, gate);
  updater.logger = updaterLog;
  const sessionId = core.openSession();
  const check = createUpdateCheck(updater, async () => planUpdates(policy, await readUpdateSettings(core, sessionId)));
  return scheduleUpdateChecks(check, (error) =>
    shellLog.warn('update check failed', { message: error instanceof Error ? error.message : String(error) }),
  );
}
