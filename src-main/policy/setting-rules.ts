import { ContractError } from '../../src-shared/contract/errors';
import { uiLanguages, type UiLanguage } from '../../src-shared/domain/languages';
import { policySettingKeys as keys, type MachinePolicy } from '../../src-shared/domain/policy';

/** What a machine policy does to settings: values it enforces, values it only suggests, languages it allows. */
export interface SettingRules {
  /** Setting key → the only value it may have. */
  readonly locked: ReadonlyMap<string, unknown>;
  /** Setting key → the value used until someone chooses another. */
  readonly presets: ReadonlyMap<string, unknown>;
  /** null: every interface language. */
  readonly uiLanguages: readonly UiLanguage[] | null;
}

export function settingRulesOf(policy: MachinePolicy): SettingRules {
  const locked = new Map<string, unknown>();
  const presets = new Map<string, unknown>();
  const put = (key: string, value: unknown, lock: boolean) => {
    if (value !== undefined) (lock ? locked : presets).set(key, value);
  };
  const llmLocked = policy.llm?.locked ?? true;
  put(keys.llmProvider, policy.llm?.provider, llmLocked);
  put(keys.llmBaseUrl, policy.llm?.baseUrl, llmLocked);
  put(keys.llmModel, policy.llm?.model, llmLocked);
  put(keys.syncServerUrl, policy.sync?.serverUrl, policy.sync?.locked ?? false);
  put(keys.allowSelfServiceProfiles, policy.profiles?.allowSelfService, true);
  put(keys.updatesEnabled, policy.updates?.enabled, true);
  put(keys.updateFeedUrl, policy.updates?.feedUrl, true);
  put(keys.updateChannel, policy.updates?.channel, true);
  const only = policy.uiLanguages?.length === 1 ? policy.uiLanguages[0] : undefined;
  put(keys.uiLanguage, only, true);
  put(keys.defaultUiLanguage, only, true);
  return { locked, presets, uiLanguages: policy.uiLanguages ?? null };
}

/** Keys the settings screens show as locked. */
export function lockedKeys(rules: SettingRules): string[] {
  return [...rules.locked.keys()].sort();
}

/** Rows to lay under the stored settings, so a preset shows until the learner or the admin changes it. */
export function presetRows(rules: SettingRules): { key: string; value: unknown }[] {
  return [...rules.presets].map(([key, value]) => ({ key, value }));
}

/**
 * 'auto' follows the learner's native language, which may be any interface language, so it stays allowed only when
 * the policy allows them all.
 */
function allowsUiLanguage(rules: SettingRules, value: unknown): boolean {
  if (!rules.uiLanguages) return true;
  if (value === 'auto') return uiLanguages.every((language) => rules.uiLanguages?.includes(language));
  return rules.uiLanguages.includes(value as UiLanguage);
}

const LANGUAGE_KEYS: readonly string[] = [keys.uiLanguage, keys.defaultUiLanguage];

/** Settings as read back: a locked key shows the policy's value, a language the policy forbids its first allowed one. */
export function applyRules<T extends object>(settings: T, rules: SettingRules): T {
  const result = { ...settings } as Record<string, unknown>;
  for (const [key, value] of rules.locked) if (key in result) result[key] = value;
  for (const key of LANGUAGE_KEYS) {
    if (key in result && !allowsUiLanguage(rules, result[key])) result[key] = rules.uiLanguages?.[0];
  }
  return result as T;
}

/**
 * The patch with locked keys that already hold the policy's value left out (a settings form may send every field),
 * or a FORBIDDEN error naming the first setting the policy does not let anyone change to that value.
 */
export function checkPatch<P extends object>(patch: P, rules: SettingRules): P {
  const allowed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (rules.locked.has(key)) {
      if (rules.locked.get(key) !== value) {
        throw new ContractError('FORBIDDEN', `The setting "${key}" is locked by this computer's policy.`, {
          setting: key,
        });
      }
      continue;
    }
    if (LANGUAGE_KEYS.includes(key) && !allowsUiLanguage(rules, value)) {
      const list = rules.uiLanguages?.join(', ') ?? '';
      throw new ContractError('FORBIDDEN', `The setting "${key}" is limited by this computer's policy to: ${list}.`, {
        setting: key,
      });
    }
    allowed[key] = value;
  }
  return allowed as P;
}
