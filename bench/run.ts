/**
 * `npm run bench [-- <prefix>...]`: runs every benchmark (or those with a figure starting with a prefix) and prints
 * one JSON line per figure on stdout.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './harness';

const prefixes = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (name: string) => prefixes.length === 0 || prefixes.some((p) => name.startsWith(p));

// Workers (imports, exports, the optimizer) run bundled, as in the app: build them, then point the core at them.
if (!process.env.PARLEY_WORKERS_DIR) {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  process.env.PARLEY_WORKERS_DIR = path.join(root, 'out/main');
}

const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.bench.ts')).sort();
let printed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as { benchmarks: Benchmark[] };
  for (const benchmark of mod.benchmarks) {
    if (!benchmark.figures.some(wanted)) continue;
    for (const figure of await benchmark.run()) {
      if (!wanted(figure.name)) continue;
      console.log(JSON.stringify(figure));
      printed += 1;
    }
  }
}
if (printed === 0) {
  console.error(`No benchmark figure matches ${prefixes.join(', ')}`);
  process.exit(1);
}
