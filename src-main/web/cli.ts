import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { loadPolicyFile, policyFilePath } from '../policy/policy-file';
import { createFileKeyStore, FILE_KEYSTORE_WARNING } from '../providers/file-keystore';
import { systemOpenerHost } from '../providers/host';
import { parseWebCliOptions } from './cli-options';
import { startWebServer } from './server';

/** Entry of `npm run serve`: the built renderer and the contract on loopback. Paths are relative to out/main/. */
async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const repoRoot = path.resolve(here, '../..');
  const options = parseWebCliOptions(process.argv.slice(2));
  const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

  const policy = loadPolicyFile(policyFilePath(process.platform, process.env, true));
  for (const problem of policy.problems) console.warn(`Machine policy not applied: ${problem}`);
  const core = await createCore({
    dataDir: options.dataDir,
    keystore: createFileKeyStore(path.join(options.dataDir, 'secrets.json')),
    migrationsDir: path.join(repoRoot, 'db', 'migrations'),
    resourcesDir: path.join(repoRoot, 'resources'),
    shell: 'web',
    host: systemOpenerHost,
    version,
    validateOutput: process.env.NODE_ENV !== 'production',
    policy,
  });
  const server = await startWebServer({
    core,
    rendererDir: path.join(repoRoot, 'out', 'renderer'),
    host: options.host,
    port: options.port,
  });

  console.warn(`Note: ${FILE_KEYSTORE_WARNING}`);
  if (options.host !== '127.0.0.1' && options.host !== 'localhost') {
    console.warn(`Warning: Parley is reachable from other computers on ${options.host}. Anyone with the address and token can use it.`);
  }
  console.log(`Parley is running at ${server.tokenUrl}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Parley could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
