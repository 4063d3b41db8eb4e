import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { verifyUpdateSignature, verifyUpdateSignatureAsync } from './signature';

/** Where the gate gets a signature from; null when the feed has none for that file (HTTP 404). */
export type SignatureSource = (url: URL) => Promise<string | null>;

export class UpdateSignatureError extends Error {
  constructor(
    readonly reason: 'missing' | 'mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'UpdateSignatureError';
  }
}

/** `<file>.sig` beside the update file, on the same server: the file's URL with `.sig` added to its path. */
export function signatureUrlOf(fileUrl: URL): URL {
  const url = new URL(fileUrl.href);
  url.pathname = `${url.pathname}.sig`;
  url.hash = '';
  return url;
}

export interface SignatureGate {
  /**
   * After electron-updater has downloaded a file and checked its sha512: fetches `<url>.sig` and verifies the file
   * against it. Throws to refuse the file (electron-updater then deletes it).
   */
  verifyDownload(file: string, fileUrl: URL): Promise<void>;
  /**
   * Before a downloaded file is announced (fresh, or cached by an earlier run): true when it carries a valid
   * signature, which is then kept beside it as `<file>.sig`; otherwise the file is deleted.
   */
  confirm(file: string): Promise<boolean>;
  /** At install time: true only when the file still verifies against the signature kept beside it. */
  allowsInstall(file: string | null): boolean;
}

const readSignature = async (file: string): Promise<string | null> => readFile(`${file}.sig`, 'utf8').catch(() => null);

/**
 * electron-updater checks a sha512 that comes from the same server as the file, so whoever controls the server (or
 * the school's proxy) controls both; on Linux there is no other check. The signature is made with a key that never
 * leaves the release manager, so a changed file cannot carry a valid one. A signature kept on disk needs no trust:
 * it is verified against the built-in key every time.
 */
export function createSignatureGate(publicKeyPem: string, fetchSignature: SignatureSource): SignatureGate {
  let justVerified: string | null = null;

  const verifies = async (bytes: Buffer, signature: string | null) =>
    signature !== null && (await verifyUpdateSignatureAsync(bytes, signature, publicKeyPem));

  return {
    async verifyDownload(file, fileUrl) {
      justVerified = null;
      const signatureUrl = signatureUrlOf(fileUrl);
      const signature = await fetchSignature(signatureUrl);
      if (signature === null)
        throw new UpdateSignatureError('missing', `The update has no signature at ${signatureUrl.href}.`);
      if (!(await verifies(await readFile(file), signature))) {
        throw new UpdateSignatureError('mismatch', 'The update is not signed by Parley’s release key.');
      }
      justVerified = signature;
    },

    async confirm(file) {
      const candidates = [justVerified, await readSignature(file)];
      justVerified = null;
      const bytes = await readFile(file).catch(() => null);
      for (const signature of candidates) {
        if (bytes && (await verifies(bytes, signature))) {
          await writeFile(`${file}.sig`, signature ?? '');
          return true;
        }
      }
      await Promise.all([rm(file, { force: true }), rm(`${file}.sig`, { force: true })]);
      return false;
    },

    // Synchronous because electron-updater installs from the app's quit handler, which cannot wait; blocking the
    // event loop while the app quits harms nobody.
    allowsInstall(file) {
      if (file === null) return false;
      try {
        return verifyUpdateSignature(readFileSync(file), readFileSync(`${file}.sig`, 'utf8'), publicKeyPem);
      } catch {
        return false;
      }
    },
  };
}

/** Signatures are a line of base64; anything much longer is not one and is not read in full. */
const MAX_SIGNATURE_CHARS = 1024;

/** A SignatureSource over a fetch function: Node's in tests, Electron's `net.fetch` (system proxy) in the app. */
export function fetchSignatureSource(fetchFn: (url: string, init: RequestInit) => Promise<Response>): SignatureSource {
  return async (url) => {
    const response = await fetchFn(url.href, { redirect: 'follow', headers: { 'cache-control': 'no-cache' } });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Could not fetch the update signature (HTTP ${response.status}).`);
    const malformed = new UpdateSignatureError('mismatch', 'The update signature is malformed.');
    if (Number(response.headers.get('content-length') ?? 0) > MAX_SIGNATURE_CHARS) throw malformed;
    const text = await response.text();
    if (text.length > MAX_SIGNATURE_CHARS) throw malformed;
    return text;
  };
}
