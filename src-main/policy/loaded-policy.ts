import type { z } from 'zod';
import { machinePolicySchema, type MachinePolicy } from '../../src-shared/domain/policy';

/** A machine policy as the core receives it: the values in force and what was wrong with the file, if anything. */
export interface LoadedPolicy {
  policy: MachinePolicy;
  /** For the admin: each problem names the file and the key. Non-empty means `policy` holds the defaults. */
  problems: string[];
  /** The file the policy came from; null when there was none. */
  source: string | null;
}

export const NO_POLICY: LoadedPolicy = { policy: {}, problems: [], source: null };

/**
 * An invalid policy is not applied in part: a file with one mistake might lock some settings and not the ones the
 * admin meant to lock, which is worse than an obviously absent policy plus a clear list of what to fix.
 */
export function parsePolicy(raw: unknown, source: string): LoadedPolicy {
  const parsed = machinePolicySchema.safeParse(raw);
  if (parsed.success) return { policy: parsed.data, problems: [], source };
  return { policy: {}, problems: describeIssues(parsed.error, source), source };
}

function describeIssues(error: z.ZodError, source: string): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : '(the whole file)';
    return `${source}: ${where}: ${issue.message}`;
  });
}
