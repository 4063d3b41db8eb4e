import {
  llmPresets,
  llmProviderInput,
  type LlmProvider,
  type LlmProviderInput,
  type LlmProviderKind,
} from '../../../../src-shared/domain/tutor-llm';

/** One provider slot as the form edits it. The key is write-only: typed here, never read back. */
export interface ProviderDraft {
  kind: LlmProviderKind;
  baseUrl: string;
  conversationModel: string;
  analysisModel: string;
  /** A new key to store; empty keeps the saved one. */
  apiKey: string;
  /** Remove the saved key on save. */
  removeKey: boolean;
}

export const presetOf = (kind: LlmProviderKind) => llmPresets.find((p) => p.kind === kind)!;

export function draftOf(provider: LlmProvider | null, kind: LlmProviderKind = 'ollama'): ProviderDraft {
  if (provider) {
    const { kind: k, baseUrl, conversationModel, analysisModel } = provider;
    return { kind: k, baseUrl, conversationModel, analysisModel, apiKey: '', removeKey: false };
  }
  return { kind, baseUrl: presetOf(kind).baseUrl, conversationModel: '', analysisModel: '', apiKey: '', removeKey: false };
}

/** Choosing a service fills in its address; the custom one keeps what was typed. */
export function withKind(draft: ProviderDraft, kind: LlmProviderKind): ProviderDraft {
  const baseUrl = kind === 'openai-compatible' ? draft.baseUrl : presetOf(kind).baseUrl;
  return { ...draft, kind, baseUrl, conversationModel: '', analysisModel: '' };
}

export type DraftProblem = 'baseUrl' | 'model';

/** What the contract would refuse, by field, so the form can say it next to the field. */
export function draftProblems(draft: ProviderDraft): Set<DraftProblem> {
  const problems = new Set<DraftProblem>();
  const parsed = llmProviderInput.safeParse(toInput(draft));
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if (field === 'baseUrl') problems.add('baseUrl');
    if (field === 'conversationModel' || field === 'analysisModel') problems.add('model');
  }
  return problems;
}

/** The contract input: the key only when typed (or null to remove it). */
export function toInput(draft: ProviderDraft): LlmProviderInput {
  const input: LlmProviderInput = {
    kind: draft.kind,
    baseUrl: draft.baseUrl.trim(),
    conversationModel: draft.conversationModel.trim(),
    analysisModel: (draft.analysisModel || draft.conversationModel).trim(),
  };
  if (draft.apiKey.trim()) input.apiKey = draft.apiKey.trim();
  else if (draft.removeKey) input.apiKey = null;
  return input;
}
