import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publicKeyOf, signUpdate } from '../src-main/updates/signature';
import { UPDATE_PUBLIC_KEY } from '../src-main/updates/update-public-key';

const USAGE = 'usage: npm run sign-update -- <file>... --key <private.pem>';

/**
 * Writes `<file>.sig` (base64 Ed25519 signature) beside each update file. The private key stays outside the
 * repository; a key that does not match the one built into Parley is reported, because installed copies would
 * refuse every file it signs.
 */
function main(): void {
  const { values, positionals } = parseArgs({ options: { key: { type: 'string' } }, allowPositionals: true });
  if (!values.key || positionals.length === 0) throw new Error(USAGE);
  const privateKey = readFileSync(values.key, 'utf8');
  if (publicKeyOf(privateKey).trim() !== UPDATE_PUBLIC_KEY.trim()) {
    console.warn(
      'Warning: this key is not the one in src-main/updates/update-public-key.ts; Parley will refuse these files.',
    );
  }
  for (const file of positionals) {
    writeFileSync(`${file}.sig`, `${signUpdate(readFileSync(file), privateKey)}\n`);
    console.log(`${file}.sig`);
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
