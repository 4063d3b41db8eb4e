import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AppImageUpdater,
  DebUpdater,
  MacUpdater,
  NsisUpdater,
  type AppUpdater,
  type UpdateDownloadedEvent,
} from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { DownloadExecutorTask } from 'electron-updater/out/AppUpdater';
import { UpdateSignatureError, type SignatureGate } from './signature-gate';

/**
 * electron-updater's own updaters with Parley's signature check added at the three points that matter: a fresh
 * download is refused unless its `.sig` verifies (before it enters the cache); `update-downloaded` is announced only
 * for a file that still verifies (fresh or cached by an earlier run); and an install — electron-updater arms
 * install-on-quit with every download — goes ahead only for a file that verifies at that moment. Everything else
 * (the feed, the sha512 check, differential downloads, the installers) is electron-updater's. None of this imports
 * electron: given an AppAdapter it runs in plain Node.
 */

/** The download task with the signature check after it; the task has written and hash-checked the file by then. */
function gatedTask(task: DownloadExecutorTask, gate: SignatureGate): DownloadExecutorTask {
  return {
    ...task,
    task: async (destinationFile, downloadOptions, packageFile, removeTempDirIfAny) => {
      const result: unknown = await task.task(destinationFile, downloadOptions, packageFile, removeTempDirIfAny);
      await gate.verifyDownload(destinationFile, task.fileInfo.url);
      return result;
    },
  };
}

const UNSIGNED = 'The downloaded update does not verify against Parley’s release key; it was deleted.';
const REFUSED_INSTALL =
  'The downloaded update does not verify against Parley’s release key (changed on disk?); not installing it.';

type InstallerUpdater = typeof AppImageUpdater | typeof DebUpdater | typeof NsisUpdater;

/** The Windows and Linux updaters, each with the same three checks: they download an installer and run it. */
function signatureGated(Base: InstallerUpdater) {
  // Typed as one of them: TypeScript cannot extend "some concrete subclass of BaseUpdater", and only BaseUpdater's
  // members are used here.
  return class extends (Base as typeof AppImageUpdater) {
    constructor(
      private readonly gate: SignatureGate,
      app?: AppAdapter,
    ) {
      super(null, app);
    }
    protected override executeDownload(task: DownloadExecutorTask) {
      return super.executeDownload(gatedTask(task, this.gate));
    }
    protected override dispatchUpdateDownloaded(event: UpdateDownloadedEvent): void {
      void this.gate
        .confirm(event.downloadedFile)
        .then((valid) =>
          valid
            ? super.dispatchUpdateDownloaded(event)
            : this.dispatchError(new UpdateSignatureError('mismatch', UNSIGNED)),
        );
    }
    override install(isSilent?: boolean, isForceRunAfter?: boolean): boolean {
      if (this.gate.allowsInstall(this.installerPath)) return super.install(isSilent, isForceRunAfter);
      this.dispatchError(new UpdateSignatureError('mismatch', REFUSED_INSTALL));
      return false;
    }
  };
}

export const VerifyingAppImageUpdater = signatureGated(AppImageUpdater);
export const VerifyingDebUpdater = signatureGated(DebUpdater);
export const VerifyingNsisUpdater = signatureGated(NsisUpdater);

/**
 * macOS hands the zip to Squirrel.Mac (which also checks the code signature) in the download's completion, so the
 * check goes there, before the hand-over, for fresh and cached downloads alike.
 */
export class VerifyingMacUpdater extends MacUpdater {
  constructor(
    private readonly gate: SignatureGate,
    app?: AppAdapter,
  ) {
    super(undefined, app);
  }
  protected override executeDownload(task: DownloadExecutorTask) {
    const gated = gatedTask(task, this.gate);
    return super.executeDownload({
      ...gated,
      done: async (event) => {
        if (!(await this.gate.confirm(event.downloadedFile))) throw new UpdateSignatureError('mismatch', UNSIGNED);
        return task.done?.(event);
      },
    });
  }
}

export type UpdaterKind = 'nsis' | 'mac' | 'appimage' | 'deb';

/**
 * The same choice electron-updater's own `autoUpdater` makes: by platform, and on Linux by the `package-type` file
 * electron-builder puts in the resources of a deb (an AppImage has none). Rpm and pacman are not built.
 */
export function updaterKindFor(platform: NodeJS.Platform, resourcesPath: string): UpdaterKind | null {
  if (platform === 'win32') return 'nsis';
  if (platform === 'darwin') return 'mac';
  if (platform !== 'linux') return null;
  const packageType = packageTypeIn(resourcesPath);
  if (packageType === null) return 'appimage';
  return packageType === 'deb' ? 'deb' : null;
}

function packageTypeIn(resourcesPath: string): string | null {
  try {
    return readFileSync(path.join(resourcesPath, 'package-type'), 'utf8').trim();
  } catch {
    return null;
  }
}

export function createVerifyingUpdater(kind: UpdaterKind, gate: SignatureGate, app?: AppAdapter): AppUpdater {
  switch (kind) {
    case 'nsis':
      return new VerifyingNsisUpdater(gate, app);
    case 'mac':
      return new VerifyingMacUpdater(gate, app);
    case 'deb':
      return new VerifyingDebUpdater(gate, app);
    case 'appimage':
      return new VerifyingAppImageUpdater(gate, app);
  }
}
