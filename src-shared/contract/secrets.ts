import { z } from 'zod';
import { defineContract } from './define';

/** The secrets a profile can keep. Their values go into the key store and never come back to the UI. */
export const secretNames = ['llm.apiKey', 'llm.fallbackApiKey', 'speech.apiKey', 'speech.ttsApiKey', 'livekit.apiSecret', 'sync.password'] as const;
export const secretName = z.enum(secretNames);
export type SecretName = z.infer<typeof secretName>;

export const secretsStatus = defineContract({
  channel: 'secrets:status',
  input: z.strictObject({}),
  output: z.object({
    secrets: z.array(z.object({ name: secretName, isSet: z.boolean() })),
    backend: z.enum(['os', 'basic_text', 'file', 'memory']),
    warning: z.string().nullable(),
  }),
});

export const secretsSet = defineContract({
  channel: 'secrets:set',
  input: z.strictObject({ name: secretName, value: z.string().min(1).max(4096) }),
  output: z.object({ name: secretName, isSet: z.literal(true) }),
  invalidates: ['secrets:status'],
});

export const secretsClear = defineContract({
  channel: 'secrets:clear',
  input: z.strictObject({ name: secretName }),
  output: z.object({ name: secretName, isSet: z.literal(false) }),
  invalidates: ['secrets:status'],
});

export const secretsContract = [secretsStatus, secretsSet, secretsClear] as const;
