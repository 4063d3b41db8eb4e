import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signatureUrlOf } from '../../src-main/updates/signature-gate';
import { updaterKindFor } from '../../src-main/updates/verifying-updaters';
import { removeDir, tempDir } from '../support/test-core';

const dir = tempDir('parley-resources-');
afterAll(() => removeDir(dir));

describe('which updater an installation gets', () => {
  it('is NSIS on Windows, Squirrel.Mac on macOS, and on Linux follows the package type', () => {
    expect(updaterKindFor('win32', dir)).toBe('nsis');
    expect(updaterKindFor('darwin', dir)).toBe('mac');
    expect(updaterKindFor('linux', path.join(dir, 'no-such-folder'))).toBe('appimage');
    writeFileSync(path.join(dir, 'package-type'), 'deb\n');
    expect(updaterKindFor('linux', dir)).toBe('deb');
    writeFileSync(path.join(dir, 'package-type'), 'rpm\n');
    expect(updaterKindFor('linux', dir)).toBeNull();
    expect(updaterKindFor('freebsd', dir)).toBeNull();
  });
});

describe('where a signature is looked for', () => {
  it('is the file’s own URL with .sig added to the path, on the same server', () => {
    expect(
      signatureUrlOf(new URL('https://github.com/parley-app/parley/releases/download/v1.1.0/Parley-Setup-1.1.0.exe'))
        .href,
    ).toBe('https://github.com/parley-app/parley/releases/download/v1.1.0/Parley-Setup-1.1.0.exe.sig');
    expect(signatureUrlOf(new URL('http://school.lan/updates/Parley%201.1.0.AppImage?token=abc#x')).href).toBe(
      'http://school.lan/updates/Parley%201.1.0.AppImage.sig?token=abc',
    );
  });
});
