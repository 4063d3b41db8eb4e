import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  publicKeyOf,
  signUpdate,
  verifyUpdateSignature,
  verifyUpdateSignatureAsync,
} from '../../src-main/updates/signature';
import { UPDATE_PUBLIC_KEY } from '../../src-main/updates/update-public-key';

const pem = (type: 'spki' | 'pkcs8', key: { export(o: object): string | Buffer }) =>
  key.export({ type, format: 'pem' }).toString();
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey: pem('pkcs8', privateKey), publicKey: pem('spki', publicKey) };
}

const release = keyPair();
const other = keyPair();
const file = Buffer.from('Parley 1.1.0 installer bytes '.repeat(1000));

describe('Ed25519 update signatures', () => {
  it('verifies a file signed with the release key', () => {
    const signature = signUpdate(file, release.privateKey);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(verifyUpdateSignature(file, signature, release.publicKey)).toBe(true);
    expect(verifyUpdateSignature(file, `${signature}\n`, release.publicKey)).toBe(true);
  });

  it('refuses the file with one byte flipped', () => {
    const signature = signUpdate(file, release.privateKey);
    const flipped = Buffer.from(file);
    flipped[1234] = (flipped[1234] ?? 0) ^ 0x01;
    expect(verifyUpdateSignature(flipped, signature, release.publicKey)).toBe(false);
  });

  it('gives the same answers off the main thread', async () => {
    const signature = signUpdate(file, release.privateKey);
    const flipped = Buffer.from(file);
    flipped[0] = (flipped[0] ?? 0) ^ 0x80;
    await expect(verifyUpdateSignatureAsync(file, signature, release.publicKey)).resolves.toBe(true);
    await expect(verifyUpdateSignatureAsync(flipped, signature, release.publicKey)).resolves.toBe(false);
    await expect(verifyUpdateSignatureAsync(file, signUpdate(file, other.privateKey), release.publicKey)).resolves.toBe(
      false,
    );
    await expect(verifyUpdateSignatureAsync(file, 'garbage', release.publicKey)).resolves.toBe(false);
  });

  it('refuses a signature made with another key', () => {
    expect(verifyUpdateSignature(file, signUpdate(file, other.privateKey), release.publicKey)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['not base64', 'not a signature!'],
    ['too short', Buffer.alloc(32).toString('base64')],
    ['too long', Buffer.alloc(65).toString('base64')],
  ])('refuses a signature that is %s', (_name, signature) => {
    expect(verifyUpdateSignature(file, signature, release.publicKey)).toBe(false);
  });

  it('will not work with a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => verifyUpdateSignature(file, 'AAAA', pem('spki', rsa.publicKey))).toThrow(/not Ed25519/);
    expect(() => signUpdate(file, pem('pkcs8', rsa.privateKey))).toThrow(/not Ed25519/);
  });

  it('derives the public key to build into the app from the private one', () => {
    expect(publicKeyOf(release.privateKey)).toBe(release.publicKey);
  });

  it('builds in an Ed25519 public key (and no private key)', () => {
    expect(createPublicKey(UPDATE_PUBLIC_KEY).asymmetricKeyType).toBe('ed25519');
    expect(UPDATE_PUBLIC_KEY).not.toMatch(/PRIVATE/);
  });
});
