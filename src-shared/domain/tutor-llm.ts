import { z } from 'zod';
import { httpUrl, llmProviders } from './policy';

/** The kinds of model server Parley can talk to; all speak the OpenAI API. Same list as the machine policy. */
export const llmProviderKind = z.enum(llmProviders);
export type LlmProviderKind = z.infer<typeof llmProviderKind>;

export interface LlmPreset {
  kind: LlmProviderKind;
  baseUrl: string;
  /** Cloud servers need a key; local servers do not. */
  needsKey: boolean;
  /** Runs on the learner's own machine. */
  local: boolean;
}

export const llmPresets: readonly LlmPreset[] = [
  { kind: 'openai', baseUrl: 'https://api.openai.com/v1', needsKey: true, local: false },
  { kind: 'ollama', baseUrl: 'http://localhost:11434/v1', needsKey: false, local: true },
  { kind: 'lmstudio', baseUrl: 'http://localhost:1234/v1', needsKey: false, local: true },
  { kind: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', needsKey: true, local: false },
  { kind: 'openai-compatible', baseUrl: '', needsKey: false, local: false },
];

export const modelName = z.string().trim().min(1).max(200);

/** A provider as the UI sees it: never the key, only whether one is stored. */
export const llmProvider = z.object({
  kind: llmProviderKind,
  baseUrl: z.string(),
  conversationModel: z.string(),
  analysisModel: z.string(),
  hasKey: z.boolean(),
});
export type LlmProvider = z.infer<typeof llmProvider>;

/**
 * A provider as the UI sends it. `apiKey`: absent keeps the stored key, null removes it, a string replaces it
 * (written to the key store, never to the database).
 */
export const llmProviderInput = z.strictObject({
  kind: llmProviderKind,
  baseUrl: httpUrl,
  conversationModel: modelName,
  analysisModel: modelName,
  apiKey: z.string().trim().min(1).max(4096).nullable().optional(),
});
export type LlmProviderInput = z.infer<typeof llmProviderInput>;

export const llmSlot = z.enum(['primary', 'fallback']);
export type LlmSlot = z.infer<typeof llmSlot>;

export const llmConfig = z.object({
  primary: llmProvider.nullable(),
  fallback: llmProvider.nullable(),
  /** A machine policy fixes the primary server and model; only the key may change. */
  lockedByPolicy: z.boolean(),
});
export type LlmConfig = z.infer<typeof llmConfig>;

/** Why a server could not be used, in words a learner can act on (the UI translates by code). */
export const llmProblemCodes = [
  'not_configured',
  'bad_url',
  'server_down',
  'timeout',
  'bad_key',
  'unknown_model',
  'quota',
  'not_compatible',
  'bad_response',
  'server_error',
] as const;
export const llmProblemCode = z.enum(llmProblemCodes);
export type LlmProblemCode = z.infer<typeof llmProblemCode>;

export const llmProblem = z.object({ code: llmProblemCode, message: z.string() });
export type LlmProblem = z.infer<typeof llmProblem>;
