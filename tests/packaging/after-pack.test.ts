import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../support/test-core';

interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
interface AfterPackModule {
  default(context: AfterPackContext): Promise<void>;
  PARLEY_FUSES: Record<number, boolean>;
  electronBinaryPath(context: AfterPackContext): string;
}

const root = path.resolve(import.meta.dirname, '../..');
// Imported by URL: the hook is plain JavaScript for electron-builder, without type declarations.
const hook = (await import(pathToFileURL(path.join(root, 'scripts/after-pack.mjs')).href)) as AfterPackModule;
const dir = tempDir('parley-fuses-');
afterAll(() => removeDir(dir));

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's fuse wire as shipped: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on, the rest off. */
const SHIPPED_WIRE = '101100011';

/** A stand-in for the Electron binary: the real one's fuse sentinel and wire amid other bytes. */
function fakeElectronBinary(file: string): void {
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, SHIPPED_WIRE.length]), Buffer.from(SHIPPED_WIRE)]);
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), wire, Buffer.alloc(4096, 0x90)]));
}

const context = (platform: string, appOutDir = dir): AfterPackContext => ({
  appOutDir,
  electronPlatformName: platform,
  packager: { appInfo: { productFilename: 'Parley' }, executableName: 'parley' },
});

describe('the afterPack hook', () => {
  it('sets every fuse Parley relies on', () => {
    expect(hook.PARLEY_FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('finds the Electron binary the way electron-builder names it on each platform', () => {
    expect(hook.electronBinaryPath(context('linux', '/out'))).toBe(path.join('/out', 'parley'));
    expect(hook.electronBinaryPath(context('win32', '/out'))).toBe(path.join('/out', 'Parley.exe'));
    expect(hook.electronBinaryPath(context('darwin', '/out'))).toBe(path.join('/out', 'Parley.app'));
  });

  it('flips the fuses in the binary and leaves the others as Electron ships them', async () => {
    const binary = path.join(dir, 'parley');
    fakeElectronBinary(binary);
    copyFileSync(binary, path.join(dir, 'untouched'));
    await hook.default(context('linux'));

    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    const before = await getCurrentFuseWire(path.join(dir, 'untouched'));
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(
      before[FuseV1Options.GrantFileProtocolExtraPrivileges],
    );
    expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
  });

  it('fails the build when the binary has no fuses, rather than shipping it unflipped', async () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'parley'), 'not electron');
    await expect(hook.default(context('linux', empty))).rejects.toThrow(/sentinel/);
  });
});
