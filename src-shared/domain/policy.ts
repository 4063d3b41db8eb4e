import { z } from 'zod';
import { uiLanguage, uiLanguages } from './languages';

/**
 * The machine policy a school puts in a system folder (/etc/parley/policy.json and its Windows and macOS
 * counterparts). Every object is strict: a misspelt key is an error the admin sees, not a setting silently ignored.
 */

const MAX_URL = 2048;

/** No user name or password in it: the policy is readable by every learner through policy:get. */
export const httpUrl = z
  .string()
  .trim()
  .max(MAX_URL)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }))
  .refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), 'must not contain a user name or password');

/** `/srv/parley`, `C:\Parley`, `\\server\share\Parley`, or a path that starts with `${HOME}`-style variables. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\|\$\{\w+\})/;

const folderPath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\0'), 'contains a NUL character')
  .refine((value) => ABSOLUTE_PATH.test(value), 'must be an absolute path (or start with a ${VARIABLE})');

/** The kinds of model server Parley can talk to; all speak the OpenAI API. */
export const llmProviders = ['openai', 'ollama', 'lmstudio', 'openrouter', 'openai-compatible'] as const;

export const updateChannels = ['stable', 'beta'] as const;
export const updateChannel = z.enum(updateChannels);
export type UpdateChannel = z.infer<typeof updateChannel>;

export const machinePolicySchema = z.strictObject({
  /** The policy file format; absent means 1. */
  version: z.literal(1).optional(),
  /** The model server. Locked unless `locked` is false, in which case the values are only presets. */
  llm: z
    .strictObject({
      provider: z.enum(llmProviders).optional(),
      baseUrl: httpUrl.optional(),
      model: z.string().trim().min(1).max(200).optional(),
      locked: z.boolean().default(true),
    })
    .optional(),
  /** The companion sync server: a preset the learner can change unless `locked` is true. */
  sync: z.strictObject({ serverUrl: httpUrl.optional(), locked: z.boolean().default(false) }).optional(),
  profiles: z
    .strictObject({
      /** false: only an administrator creates profiles, whatever the app setting says. */
      allowSelfService: z.boolean().optional(),
      /** Sign a window out after this many minutes without a call from it (lab machines left signed in). */
      idleSignOutMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .optional(),
    })
    .optional(),
  /** Where Parley keeps its data on this machine; `${VAR}` is replaced from the environment (e.g. `${HOME}`). */
  dataDir: folderPath.optional(),
  updates: z
    .strictObject({
      enabled: z.boolean().optional(),
      /** A generic update feed (e.g. the companion server's `/updates/`) instead of GitHub releases. */
      feedUrl: httpUrl.optional(),
      channel: updateChannel.optional(),
    })
    .optional(),
  /** The interface languages learners may choose from. */
  uiLanguages: z
    .array(uiLanguage)
    .min(1)
    .max(uiLanguages.length)
    .refine((list) => new Set(list).size === list.length, 'lists a language twice')
    .optional(),
});

export type MachinePolicy = z.infer<typeof machinePolicySchema>;

/**
 * The setting keys a policy can lock. The LLM and sync keys are those the LLM and sync settings use; a locked key
 * applies to whichever settings object (the profile's or the machine's) has it.
 */
export const policySettingKeys = {
  llmProvider: 'llmProvider',
  llmBaseUrl: 'llmBaseUrl',
  llmModel: 'llmModel',
  syncServerUrl: 'syncServerUrl',
  allowSelfServiceProfiles: 'allowSelfServiceProfiles',
  updatesEnabled: 'updatesEnabled',
  updateFeedUrl: 'updateFeedUrl',
  updateChannel: 'updateChannel',
  uiLanguage: 'uiLanguage',
  defaultUiLanguage: 'defaultUiLanguage',
} as const;
