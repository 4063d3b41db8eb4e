import { NO_POLICY, type LoadedPolicy } from '../../policy/loaded-policy';
import { applyRules, checkPatch, lockedKeys, presetRows, settingRulesOf } from '../../policy/setting-rules';

export type PolicyService = ReturnType<typeof createPolicyService>;

/**
 * The machine policy as the rest of the core sees it. It is built before the database opens (and without it), so
 * the recovery screen can still show it and the settings service can apply it to every read and write.
 */
export function createPolicyService(loaded: LoadedPolicy = NO_POLICY) {
  const rules = settingRulesOf(loaded.policy);
  const locked = lockedKeys(rules);
  return {
    view: () => ({ policy: loaded.policy, locked: [...locked], problems: [...loaded.problems] }),
    /** false when the policy forbids learners to create their own profiles, whatever the app setting says. */
    allowsSelfServiceProfiles: () => loaded.policy.profiles?.allowSelfService !== false,
    idleSignOutMinutes: () => loaded.policy.profiles?.idleSignOutMinutes ?? null,
    presetRows: () => presetRows(rules),
    enforce: <T extends object>(settings: T): T => applyRules(settings, rules),
    checkPatch: <P extends object>(patch: P): P => checkPatch(patch, rules),
  };
}
