import path from 'node:path';
import type { MachinePolicy } from '../../src-shared/domain/policy';

/**
 * The data folder a policy chooses, with `${NAME}` replaced from the environment so one policy can give every OS
 * account its own folder (`${HOME}/ParleyData`, `${USERPROFILE}\Parley`). Throws with a message for the admin
 * when a variable is unset or the result is not an absolute path; null when the policy chooses no folder.
 */
export function policyDataDir(
  policy: MachinePolicy,
  env: Readonly<Record<string, string | undefined>>,
  pathApi: Pick<typeof path, 'isAbsolute' | 'normalize'> = path,
): string | null {
  if (!policy.dataDir) return null;
  const expanded = policy.dataDir.replace(/\$\{(\w+)\}/g, (_whole, name: string) => {
    const value = env[name];
    if (!value) throw new Error(`The machine policy's dataDir uses \${${name}}, which is not set for this user.`);
    return value;
  });
  if (!pathApi.isAbsolute(expanded)) {
    throw new Error(`The machine policy's dataDir "${expanded}" is not an absolute path on this computer.`);
  }
  return pathApi.normalize(expanded);
}
