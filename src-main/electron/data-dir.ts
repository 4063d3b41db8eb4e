import path from 'node:path';
import { z } from 'zod';

export const DATA_DIR_FLAG = '--data-dir';
export const DATA_DIR_ENV = 'PARLEY_DATA_DIR';

export interface DataDirChoice {
  dir: string;
  /** True when the flag or the variable chose it, so the shell must move Electron's userData there too. */
  overridden: boolean;
}

const dirValue = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(4096, 'is too long')
  .refine((value) => !value.includes('\0'), 'contains a NUL character')
  .refine((value) => !value.startsWith('--'), 'is missing (another flag follows)');

/** The value of `--data-dir <path>` or `--data-dir=<path>`; undefined when the flag is absent. */
function flagValue(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) return arg.slice(DATA_DIR_FLAG.length + 1);
    if (arg === DATA_DIR_FLAG) return argv[i + 1] ?? '';
  }
  return undefined;
}

/**
 * Where Parley keeps its data: `--data-dir` first, then PARLEY_DATA_DIR, else the platform's userData folder.
 * Several lab accounts, a USB stick or a test run each get their own folder this way. A flag given without a
 * usable path is an error rather than silently falling back to the default data.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  fallback: string,
): DataDirChoice {
  const fromFlag = flagValue(argv);
  const chosen = fromFlag ?? (env[DATA_DIR_ENV]?.trim() ? env[DATA_DIR_ENV] : undefined);
  if (chosen === undefined) return { dir: fallback, overridden: false };
  const parsed = dirValue.safeParse(chosen);
  if (!parsed.success) {
    const source = fromFlag === undefined ? DATA_DIR_ENV : DATA_DIR_FLAG;
    throw new Error(`${source} ${parsed.error.issues[0]?.message ?? 'is not a usable path'}`);
  }
  return { dir: path.resolve(parsed.data), overridden: true };
}
