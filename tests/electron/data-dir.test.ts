import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../src-main/electron/data-dir';

const fallback = '/home/ana/.config/Parley';
const argv = (...args: string[]) => ['/usr/bin/parley', '.', ...args];

describe('the data folder', () => {
  it('is userData when nothing overrides it', () => {
    expect(resolveDataDir(argv(), {}, fallback)).toEqual({ dir: fallback, overridden: false });
    expect(resolveDataDir(argv(), { PARLEY_DATA_DIR: '  ' }, fallback)).toEqual({ dir: fallback, overridden: false });
  });

  it('comes from --data-dir <path> or --data-dir=<path>', () => {
    expect(resolveDataDir(argv('--data-dir', '/srv/lab/ana'), {}, fallback)).toEqual({
      dir: '/srv/lab/ana',
      overridden: true,
    });
    expect(resolveDataDir(argv('--data-dir=/srv/lab/ben'), {}, fallback)).toEqual({
      dir: '/srv/lab/ben',
      overridden: true,
    });
  });

  it('comes from PARLEY_DATA_DIR, which the flag beats', () => {
    expect(resolveDataDir(argv(), { PARLEY_DATA_DIR: '/mnt/usb/parley' }, fallback)).toEqual({
      dir: '/mnt/usb/parley',
      overridden: true,
    });
    expect(resolveDataDir(argv('--data-dir=/a'), { PARLEY_DATA_DIR: '/b' }, fallback).dir).toBe('/a');
  });

  it('makes a relative path absolute', () => {
    expect(resolveDataDir(argv('--data-dir', 'data'), {}, fallback).dir).toBe(path.resolve('data'));
  });

  it('refuses a flag without a usable path rather than using the default data', () => {
    expect(() => resolveDataDir(argv('--data-dir'), {}, fallback)).toThrow(/--data-dir is empty/);
    expect(() => resolveDataDir(argv('--data-dir='), {}, fallback)).toThrow(/--data-dir is empty/);
    expect(() => resolveDataDir(argv('--data-dir', '--inspect'), {}, fallback)).toThrow(/--data-dir is missing/);
    expect(() => resolveDataDir(argv(), { PARLEY_DATA_DIR: 'a\0b' }, fallback)).toThrow(
      /PARLEY_DATA_DIR contains a NUL/,
    );
  });
});
