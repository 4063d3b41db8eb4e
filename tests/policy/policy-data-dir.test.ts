import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyDataDir } from '../../src-main/policy/policy-data-dir';

describe('the data folder a policy chooses', () => {
  it('is none when the policy names none', () => {
    expect(policyDataDir({}, {})).toBeNull();
  });

  it('expands ${VARIABLES} so each OS account gets its own folder', () => {
    expect(policyDataDir({ dataDir: '/srv/parley/${USER}' }, { USER: 'ana' }, path.posix)).toBe('/srv/parley/ana');
    expect(policyDataDir({ dataDir: '${USERPROFILE}\\Parley' }, { USERPROFILE: 'C:\\Users\\ana' }, path.win32)).toBe(
      'C:\\Users\\ana\\Parley',
    );
  });

  it('refuses an unset variable and a result that is not absolute on this computer, saying which', () => {
    expect(() => policyDataDir({ dataDir: '${NOPE}/parley' }, {}, path.posix)).toThrow(/\$\{NOPE\}/);
    expect(() => policyDataDir({ dataDir: 'C:\\Parley' }, {}, path.posix)).toThrow(/not an absolute path/);
  });
});
