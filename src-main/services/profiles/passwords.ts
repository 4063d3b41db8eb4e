import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** DESIGN.md: N=2^17, r=8, p=1 with maxmem raised to 256 MiB. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const MAXMEM = 256 * 1024 * 1024;
const KEY_BYTES = 64;

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: MAXMEM };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export interface PasswordDerivation {
  /** Stored: `scrypt$N$r$p$salt$verifier`. */
  hash: string;
  /** Never stored: the other half of the scrypt output, used to encrypt this profile's secrets. */
  secretsKey: Buffer;
}

/**
 * One scrypt run gives 64 bytes: the first half verifies the password, the second half is a key for the profile's
 * secrets. Knowing the stored half reveals nothing about the other.
 */
export async function derivePassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<PasswordDerivation> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  const hash = ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.subarray(0, 32).toString('base64')].join('$');
  return { hash, secretsKey: Buffer.from(key.subarray(32)) };
}

/** The secrets key when the password matches, otherwise null. */
export async function verifyPassword(password: string, stored: string): Promise<Buffer | null> {
  const [scheme, n, r, p, saltText, verifierText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !verifierText) throw new Error('Unknown password hash format');
  const key = await scrypt(password, Buffer.from(saltText, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  const verifier = Buffer.from(verifierText, 'base64');
  const candidate = key.subarray(0, 32);
  if (verifier.length !== candidate.length || !timingSafeEqual(verifier, candidate)) return null;
  return Buffer.from(key.subarray(32));
}
