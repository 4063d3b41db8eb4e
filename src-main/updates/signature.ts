import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

/** An Ed25519 signature is 64 bytes: 88 characters of padded base64. */
const SIGNATURE_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function ed25519(key: KeyObject, role: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The update ${role} key is ${key.asymmetricKeyType ?? 'not an asymmetric key'}, not Ed25519.`);
  }
  return key;
}

/** The detached signature of an update file, as written to `<file>.sig`: base64 of the 64 signature bytes. */
export function signUpdate(bytes: Uint8Array, privateKeyPem: string): string {
  return sign(null, bytes, ed25519(createPrivateKey(privateKeyPem), 'private')).toString('base64');
}

/** The public half of a private key, as PEM: what goes into update-public-key.ts. */
export function publicKeyOf(privateKeyPem: string): string {
  const key = ed25519(createPrivateKey(privateKeyPem), 'private');
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** The signature's bytes, or null for anything that cannot be one (empty, not base64, the wrong length). */
function decodeSignature(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === SIGNATURE_BYTES ? bytes : null;
}

/** True only when `signatureText` is the Ed25519 signature of exactly these bytes by the holder of the public key. */
export function verifyUpdateSignature(bytes: Uint8Array, signatureText: string, publicKeyPem: string): boolean {
  const key = ed25519(createPublicKey(publicKeyPem), 'public');
  const signature = decodeSignature(signatureText);
  return signature !== null && verify(null, bytes, key, signature);
}

const verifyInThreadPool = promisify(
  (bytes: Uint8Array, key: KeyObject, signature: Buffer, done: (error: Error | null, valid: boolean) => void) =>
    verify(null, bytes, key, signature, done),
);

/**
 * The same check off the main thread (libuv's pool): Ed25519 hashes the whole message, which for an installer of a
 * hundred megabytes would hold the event loop far longer than the 50 ms Parley allows.
 */
export async function verifyUpdateSignatureAsync(
  bytes: Uint8Array,
  signatureText: string,
  publicKeyPem: string,
): Promise<boolean> {
  const key = ed25519(createPublicKey(publicKeyPem), 'public');
  const signature = decodeSignature(signatureText);
  return signature !== null && verifyInThreadPool(bytes, key, signature);
}
