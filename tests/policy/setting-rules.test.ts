import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src-shared/contract/errors';
import { applyRules, checkPatch, lockedKeys, presetRows, settingRulesOf } from '../../src-main/policy/setting-rules';

/** Settings as the LLM and sync issues will add them; the rules apply to any settings object with these keys. */
const llmSettings = {
  llmProvider: 'openai',
  llmBaseUrl: 'https://api.openai.com/v1',
  llmModel: 'gpt-4o-mini',
  syncServerUrl: '',
};

const forbidden = (run: () => unknown): ContractError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractError) return error;
  }
  throw new Error('expected a ContractError');
};

describe('what a policy does to settings', () => {
  it('locks the LLM values by default and only presets the sync server', () => {
    const rules = settingRulesOf({
      llm: { provider: 'ollama', baseUrl: 'http://lab:11434/v1', model: 'llama3.1:8b', locked: true },
      sync: { serverUrl: 'https://sync.school.example', locked: false },
    });
    expect(lockedKeys(rules)).toEqual(['llmBaseUrl', 'llmModel', 'llmProvider']);
    expect(presetRows(rules)).toEqual([{ key: 'syncServerUrl', value: 'https://sync.school.example' }]);
    expect(applyRules(llmSettings, rules)).toEqual({
      llmProvider: 'ollama',
      llmBaseUrl: 'http://lab:11434/v1',
      llmModel: 'llama3.1:8b',
      syncServerUrl: '',
    });
  });

  it('only presets the LLM values when the policy says locked: false', () => {
    const rules = settingRulesOf({ llm: { model: 'llama3.1:8b', locked: false } });
    expect(lockedKeys(rules)).toEqual([]);
    expect(presetRows(rules)).toEqual([{ key: 'llmModel', value: 'llama3.1:8b' }]);
    expect(checkPatch({ llmModel: 'mistral' }, rules)).toEqual({ llmModel: 'mistral' });
  });

  it('refuses to change a locked setting, naming it, and lets a form resend the locked value unchanged', () => {
    const rules = settingRulesOf({ llm: { baseUrl: 'http://lab:11434/v1', locked: true } });
    const error = forbidden(() => checkPatch({ llmBaseUrl: 'https://elsewhere.example/v1' }, rules));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('"llmBaseUrl"');
    expect(error.details).toEqual({ setting: 'llmBaseUrl' });
    expect(checkPatch({ llmBaseUrl: 'http://lab:11434/v1', llmModel: 'x' }, rules)).toEqual({ llmModel: 'x' });
  });

  it('limits the interface language to the allowed ones, and allows auto only when every language is allowed', () => {
    const spanishOnly = settingRulesOf({ uiLanguages: ['es'] });
    expect(lockedKeys(spanishOnly)).toEqual(['defaultUiLanguage', 'uiLanguage']);
    expect(applyRules({ uiLanguage: 'auto' }, spanishOnly)).toEqual({ uiLanguage: 'es' });
    expect(() => checkPatch({ uiLanguage: 'en' }, spanishOnly)).toThrow(/uiLanguage/);

    const both = settingRulesOf({ uiLanguages: ['es', 'en'] });
    expect(lockedKeys(both)).toEqual([]);
    expect(checkPatch({ uiLanguage: 'auto' }, both)).toEqual({ uiLanguage: 'auto' });
    expect(applyRules({ uiLanguage: 'en', defaultUiLanguage: 'en' }, both)).toEqual({
      uiLanguage: 'en',
      defaultUiLanguage: 'en',
    });
  });

  it('changes nothing without a policy', () => {
    const rules = settingRulesOf({});
    expect(lockedKeys(rules)).toEqual([]);
    expect(applyRules({ uiLanguage: 'auto', ...llmSettings }, rules)).toEqual({ uiLanguage: 'auto', ...llmSettings });
    expect(checkPatch({ uiLanguage: 'en', allowSelfServiceProfiles: false }, rules)).toEqual({
      uiLanguage: 'en',
      allowSelfServiceProfiles: false,
    });
  });
});
