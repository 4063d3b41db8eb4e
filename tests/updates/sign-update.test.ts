import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyUpdateSignature } from '../../src-main/updates/signature';
import { removeDir, tempDir } from '../support/test-core';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const dir = tempDir('parley-sign-');
afterAll(() => removeDir(dir));

const signUpdate = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'sign-update.ts'), ...args], { cwd: root });

describe('npm run sign-update', () => {
  it('writes <file>.sig for each file, verifiable with the public half of the key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyFile = path.join(dir, 'release.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const files = ['Parley-1.1.0.AppImage', 'Parley-Setup-1.1.0.exe'].map((name) => path.join(dir, name));
    files.forEach((file, i) => writeFileSync(file, `installer ${i}`.repeat(500)));

    const { stdout, stderr } = await signUpdate(...files, '--key', keyFile);
    expect(stdout.trim().split('\n')).toEqual(files.map((file) => `${file}.sig`));
    // A test key is not the one built into Parley, and the script says so.
    expect(stderr).toMatch(/not the one in src-main\/updates\/update-public-key\.ts/);
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const file of files) {
      expect(verifyUpdateSignature(readFileSync(file), readFileSync(`${file}.sig`, 'utf8'), publicPem)).toBe(true);
    }
  });

  it('refuses to run without a key', async () => {
    await expect(signUpdate(path.join(dir, 'whatever'))).rejects.toMatchObject({
      stderr: expect.stringMatching(/usage:/),
    });
  });
});
