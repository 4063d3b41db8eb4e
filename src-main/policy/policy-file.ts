import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NO_POLICY, parsePolicy, type LoadedPolicy } from './loaded-policy';

export const POLICY_FILE_ENV = 'PARLEY_POLICY_FILE';

/** A policy is a few hundred bytes; anything this large is not one. */
const MAX_POLICY_BYTES = 64 * 1024;

/**
 * Where the machine policy lives: a folder only administrators can write. PARLEY_POLICY_FILE moves it for tests
 * and development only; a packaged app ignores it, or any learner could point Parley at an empty policy.
 */
export function policyFilePath(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  allowOverride: boolean,
): string {
  const override = env[POLICY_FILE_ENV]?.trim();
  if (allowOverride && override) return path.resolve(override);
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return path.win32.join(programData, 'Parley', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Parley/policy.json';
  return '/etc/parley/policy.json';
}

/** Reads and validates the policy file. Never throws: whatever is wrong becomes a problem for the admin to read. */
export function loadPolicyFile(file: string): LoadedPolicy {
  let text: string;
  try {
    if (statSync(file).size > MAX_POLICY_BYTES) return problem(file, `is larger than ${MAX_POLICY_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return NO_POLICY;
    return problem(file, `could not be read (${code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    // Notepad saves UTF-8 with a byte order mark, which JSON.parse refuses.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return problem(file, `is not valid JSON (${(error as Error).message})`);
  }
  return parsePolicy(raw, file);
}

function problem(file: string, message: string): LoadedPolicy {
  return { policy: {}, problems: [`${file} ${message}`], source: file };
}
