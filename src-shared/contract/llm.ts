import { z } from 'zod';
import { defineContract } from './define';
import { llmConfig, llmProblem, llmProviderInput, llmProviderKind, llmSlot } from '../domain/tutor-llm';

const configQueries = ['llm:getConfig', 'llm:status', 'secrets:status'];

export const llmGetConfig = defineContract({
  channel: 'llm:getConfig',
  input: z.strictObject({}),
  output: z.object({ config: llmConfig }),
});

export const llmSaveConfig = defineContract({
  channel: 'llm:saveConfig',
  input: z.strictObject({ primary: llmProviderInput.nullable(), fallback: llmProviderInput.nullable() }),
  output: z.object({ config: llmConfig }),
  invalidates: configQueries,
});

export const llmTestConnection = defineContract({
  channel: 'llm:testConnection',
  input: z.strictObject({
    /** Which stored key to use when `provider.apiKey` is absent. */
    slot: llmSlot.default('primary'),
    /** Unsaved settings to try; absent tests the saved provider of `slot`. */
    provider: llmProviderInput.optional(),
  }),
  output: z.object({
    ok: z.boolean(),
    models: z.array(z.string()),
    /** Whether the chosen models are among `models` (null when the server lists none). */
    conversationModelFound: z.boolean().nullable(),
    analysisModelFound: z.boolean().nullable(),
    latencyMs: z.number().int(),
    problem: llmProblem.nullable(),
  }),
});

export const llmDetectLocal = defineContract({
  channel: 'llm:detectLocal',
  input: z.strictObject({}),
  output: z.object({
    found: z.array(z.object({ kind: llmProviderKind, baseUrl: z.string(), models: z.array(z.string()) })),
  }),
});

export const llmStatus = defineContract({
  channel: 'llm:status',
  input: z.strictObject({ refresh: z.boolean().default(false) }),
  output: z.object({
    configured: z.boolean(),
    /** Whether a provider answered lately (null: not checked yet). Offline practice is offered when false. */
    online: z.boolean().nullable(),
    problem: llmProblem.nullable(),
    checkedAt: z.number().int().nullable(),
  }),
});

export const llmContract = [llmGetConfig, llmSaveConfig, llmTestConnection, llmDetectLocal, llmStatus] as const;
