import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * electron-builder's afterPack hook: flips Electron's fuses in the packaged binary, after packing and before
 * signing (a flipped binary must be signed afterwards, which electron-builder then does).
 */

/** Each fuse and the state Parley ships with. Exported so a test can check every one. */
export const PARLEY_FUSES = {
  // Without these, anyone who can start the binary can run it as plain Node or attach a debugger, with the app's
  // access to the key store and the data.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app code is only what was packed and signed: app.asar, checked against the hash embedded at packaging.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies and local storage encrypted with the OS key store, like safeStorage.
  [FuseV1Options.EnableCookieEncryption]: true,
};

/** The Electron executable inside an unpacked app folder, named the way electron-builder names it. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinaryPath(context), {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature an arm64 Mac needs to run the app at all; this renews it.
    resetAdHocDarwinSignature: isMac,
    ...PARLEY_FUSES,
  });
}
