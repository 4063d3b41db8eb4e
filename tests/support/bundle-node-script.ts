import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Native modules cannot be bundled; they are loaded from node_modules at run time. */
const NATIVE = ['better-sqlite3', '@open-spaced-repetition/binding', 'electron', '@livekit/rtc-node'];

/**
 * Bundles a TypeScript entry and its packages into one ESM file that plain `node` runs, so a child process starts
 * in a fraction of a second instead of compiling through tsx and resolving hundreds of package files each time.
 * The file is written under node_modules/.cache, where the native modules left out resolve. Entries must not rely
 * on import.meta.dirname (it would name the cache folder): pass paths as arguments.
 */
export async function bundleNodeScript(entry: string): Promise<{ file: string; remove(): void }> {
  const file = path.join(
    REPO,
    'node_modules',
    '.cache',
    'parley',
    `${path.basename(entry, '.ts')}-${process.pid}-${Date.now()}.mjs`,
  );
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: NATIVE,
    // Bundled CommonJS packages call require(); ESM has none, so give the bundle one.
    banner: {
      js: "import { createRequire as __parleyCreateRequire } from 'node:module'; const require = __parleyCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}

export const MIGRATIONS = path.join(REPO, 'db', 'migrations');
export const RESOURCES = path.join(REPO, 'resources');
