import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * End-to-end encryption of sync messages. Each account has one random 256-bit data key; the server only ever holds
 * it wrapped (AES-256-GCM) under a key derived from the learner's sync passphrase with scrypt. Every message is
 * compressed, then sealed with AES-256-GCM under the data key with a fresh 96-bit nonce and the message id and
 * account id as additional data, so a message altered or moved to another id fails to open.
 */

export interface KdfParams {
  algorithm: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
}

export interface WrappedKey {
  wrappedKey: string;
  kdf: KdfParams;
}

/** Strong defaults for the passphrase key (about 0.3 s and 128 MiB on a laptop). */
export const STRONG_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
export type KdfCost = { N: number; r: number; p: number };

const FORMAT = 1;
const NONCE = 12;
const TAG = 16;

export class SyncDecryptError extends Error {
  constructor(what: string) {
    super(`${what} failed its integrity check`);
  }
}

function derive(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const keyAad = (accountId: string) => Buffer.from(`parley-sync-key:v1:${accountId}`);

function seal(key: Buffer, plain: Buffer, aad: Buffer): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), nonce, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, aad: Buffer, what: string): Buffer {
  if (sealed.length < 1 + NONCE + TAG || sealed[0] !== FORMAT) throw new SyncDecryptError(what);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + NONCE));
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(1 + NONCE, 1 + NONCE + TAG));
    return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE + TAG)), decipher.final()]);
  } catch {
    throw new SyncDecryptError(what);
  }
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** Wraps the data key under a key derived from the passphrase with a fresh salt. */
export async function wrapDataKey(
  dataKey: Buffer,
  passphrase: string,
  accountId: string,
  cost: KdfCost = STRONG_KDF,
): Promise<WrappedKey> {
  const kdf: KdfParams = { algorithm: 'scrypt', salt: randomBytes(16).toString('base64'), ...cost };
  const kek = await derive(passphrase, kdf);
  return { wrappedKey: seal(kek, dataKey, keyAad(accountId)).toString('base64'), kdf };
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('That sync passphrase does not open this account’s data.');
  }
}

/** The data key, or WrongPassphraseError. */
export async function unwrapDataKey(wrapped: WrappedKey, passphrase: string, accountId: string): Promise<Buffer> {
  const kek = await derive(passphrase, wrapped.kdf);
  try {
    const key = open(kek, Buffer.from(wrapped.wrappedKey, 'base64'), keyAad(accountId), 'The data key');
    if (key.length !== 32) throw new WrongPassphraseError();
    return key;
  } catch {
    throw new WrongPassphraseError();
  }
}

const messageAad = (messageId: string, accountId: string) =>
  Buffer.from(`parley-sync-msg:v1:${accountId}:${messageId}`);

export function encryptMessage(dataKey: Buffer, messageId: string, accountId: string, plaintext: string): Buffer {
  return seal(dataKey, deflateRawSync(Buffer.from(plaintext, 'utf8'), { level: 1 }), messageAad(messageId, accountId));
}

/** The plaintext, or SyncDecryptError when the ciphertext, its id or its account was altered. */
export function decryptMessage(dataKey: Buffer, messageId: string, accountId: string, sealed: Buffer): string {
  const compressed = open(dataKey, sealed, messageAad(messageId, accountId), `Message ${messageId}`);
  try {
    return inflateRawSync(compressed, { maxOutputLength: 64 * 1024 * 1024 }).toString('utf8');
  } catch {
    throw new SyncDecryptError(`Message ${messageId}`);
  }
}
