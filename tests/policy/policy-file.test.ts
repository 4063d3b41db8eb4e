import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicyFile, policyFilePath } from '../../src-main/policy/policy-file';
import { NO_POLICY } from '../../src-main/policy/loaded-policy';
import { removeDir, tempDir } from '../support/test-core';

const dir = tempDir('parley-policy-');
afterAll(() => removeDir(dir));

let counter = 0;
function policyFile(content: string | object): string {
  const file = path.join(dir, `policy-${(counter += 1)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const full = {
  version: 1,
  llm: { provider: 'ollama', baseUrl: 'http://lab-server:11434/v1', model: 'llama3.1:8b', locked: true },
  sync: { serverUrl: 'https://parley.school.example', locked: false },
  profiles: { allowSelfService: false, idleSignOutMinutes: 20 },
  dataDir: '/srv/parley/${USER}',
  updates: { enabled: true, feedUrl: 'https://parley.school.example/updates/', channel: 'stable' },
  uiLanguages: ['en', 'es'],
};

describe('reading the machine policy', () => {
  it('reads a full policy as written', () => {
    const file = policyFile(full);
    expect(loadPolicyFile(file)).toEqual({ policy: full, problems: [], source: file });
  });

  it('fills in the defaults of a minimal one: the LLM section locks unless told otherwise, sync only presets', () => {
    const loaded = loadPolicyFile(
      policyFile({ llm: { baseUrl: 'http://lab:11434/v1' }, sync: { serverUrl: 'https://s.example' } }),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy).toEqual({
      llm: { baseUrl: 'http://lab:11434/v1', locked: true },
      sync: { serverUrl: 'https://s.example', locked: false },
    });
  });

  it('is no policy at all when the file does not exist', () => {
    expect(loadPolicyFile(path.join(dir, 'absent.json'))).toEqual(NO_POLICY);
  });

  it('reads a file saved with a byte order mark (Notepad)', () => {
    expect(loadPolicyFile(policyFile(`\uFEFF${JSON.stringify({ uiLanguages: ['es'] })}`)).policy).toEqual({
      uiLanguages: ['es'],
    });
  });

  it.each([
    ['an unknown top-level key', { llm: {}, profile: { allowSelfService: false } }, 'profile'],
    ['an unknown nested key', { updates: { enable: false } }, 'updates'],
    ['a wrong type', { profiles: { idleSignOutMinutes: '20' } }, 'profiles.idleSignOutMinutes'],
    ['a URL that is not http(s)', { updates: { feedUrl: 'ftp://server/updates/' } }, 'updates.feedUrl'],
    ['a URL with a password', { llm: { baseUrl: 'http://admin:secret@lab:11434/v1' } }, 'llm.baseUrl'],
    ['a language Parley has no interface for', { uiLanguages: ['en', 'fr'] }, 'uiLanguages.1'],
    ['a relative data folder', { dataDir: 'parley-data' }, 'dataDir'],
    ['a version from the future', { version: 2 }, 'version'],
  ])('refuses %s: defaults in force, and the problem names the file and the key', (_name, content, key) => {
    const file = policyFile(content);
    const loaded = loadPolicyFile(file);
    expect(loaded.policy).toEqual({});
    expect(loaded.source).toBe(file);
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(loaded.problems[0]).toContain(file);
    expect(loaded.problems.join('\n')).toContain(key);
  });

  it('applies nothing of a policy with one mistake, not even its valid parts', () => {
    const loaded = loadPolicyFile(policyFile({ profiles: { allowSelfService: false }, updates: { enabled: 'no' } }));
    expect(loaded.policy).toEqual({});
    expect(loaded.problems).toHaveLength(1);
  });

  it('reports a file that is not JSON, one that is too large, and one that cannot be read', () => {
    expect(loadPolicyFile(policyFile('{ "llm": ')).problems[0]).toMatch(/is not valid JSON/);
    expect(loadPolicyFile(policyFile(' '.repeat(70_000))).problems[0]).toMatch(/is larger than/);
    const folder = path.join(dir, 'a-folder.json');
    mkdirSync(folder);
    expect(loadPolicyFile(folder).problems[0]).toMatch(/could not be read/);
  });
});

describe('where the policy lives', () => {
  it('is the system folder of each platform', () => {
    expect(policyFilePath('linux', {}, false)).toBe('/etc/parley/policy.json');
    expect(policyFilePath('darwin', {}, false)).toBe('/Library/Application Support/Parley/policy.json');
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' }, false)).toBe(
      'D:\\ProgramData\\Parley\\policy.json',
    );
    expect(policyFilePath('win32', {}, false)).toBe('C:\\ProgramData\\Parley\\policy.json');
  });

  it('moves with PARLEY_POLICY_FILE only where overriding is allowed (never in a packaged app)', () => {
    const env = { PARLEY_POLICY_FILE: '/tmp/empty-policy.json' };
    expect(policyFilePath('linux', env, true)).toBe('/tmp/empty-policy.json');
    expect(policyFilePath('linux', env, false)).toBe('/etc/parley/policy.json');
  });
});
