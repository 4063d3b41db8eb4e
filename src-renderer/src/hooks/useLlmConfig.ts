import type { LlmProvider, LlmProviderInput } from '../../../src-shared/domain/tutor-llm';
import { useContractMutation } from './useContractMutation';
import { useContractQuery } from './useContractQuery';

/** A saved provider sent back unchanged: no `apiKey`, so the stored key stays. */
export function keepProvider(provider: LlmProvider | null): LlmProviderInput | null {
  if (!provider) return null;
  const { kind, baseUrl, conversationModel, analysisModel } = provider;
  return { kind, baseUrl, conversationModel, analysisModel };
}

/** The tutor's model settings and the call that saves them. */
export function useLlmConfig() {
  const config = useContractQuery('llm:getConfig', {});
  const save = useContractMutation('llm:saveConfig');
  return { config, save };
}
