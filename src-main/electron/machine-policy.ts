import type { LoadedPolicy } from '../policy/loaded-policy';
import { loadPolicyFile, policyFilePath } from '../policy/policy-file';
import { shellLog } from './shell-log';

/**
 * The machine policy from the system folder, read once at start before anything else (it may choose the data
 * folder). A packaged app ignores PARLEY_POLICY_FILE. An invalid file starts Parley without a policy; the problems
 * go to the log here and to the admin through `policy:get`.
 */
export function readMachinePolicy(isPackaged: boolean): LoadedPolicy {
  const loaded = loadPolicyFile(policyFilePath(process.platform, process.env, !isPackaged));
  for (const problem of loaded.problems) shellLog.warn('machine policy not applied', { problem });
  return loaded;
}
