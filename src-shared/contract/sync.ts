import { z } from 'zod';
import { defineContract } from './define';

const syncQueries = ['sync:status'];
/** What a pull can change: everything a learner sees. */
const afterPull = [
  'sync:status',
  'profiles:current',
  'settings:get',
  'decks:list',
  'decks:getPreset',
  'browse:search',
  'notes:get',
  'review:next',
  'progress:dashboard',
  'progress:heatmap',
  'progress:achievements',
  'progress:weeklyReport',
  'tutor:list',
  'tutor:open',
  'tutor:correctionCounts',
];

export const syncState = z.enum(['idle', 'syncing', 'error', 'offline']);

export const syncStatus = z.object({
  configured: z.boolean(),
  serverUrl: z.string().nullable(),
  username: z.string().nullable(),
  state: syncState,
  /** The last problem in plain words (null when the last sync worked). */
  message: z.string().nullable(),
  lastSyncedAt: z.number().int().nullable(),
  pendingChanges: z.number().int(),
  /** Changes from a newer version, kept until this one is updated. */
  parkedChanges: z.number().int(),
  removeOnSignOut: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

const serverUrl = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'http(s) URL');
const syncUsername = z.string().trim().toLowerCase().min(1).max(64);
const accountPassword = z.string().min(1).max(256);
const passphrase = z.string().min(8).max(1024);

const signInFields = {
  serverUrl,
  username: syncUsername,
  password: accountPassword,
  passphrase,
  /** On a shared machine: delete the local copy of the profile when its learner signs out of sync. */
  removeOnSignOut: z.boolean().default(false),
};

export const syncStatusCall = defineContract({
  channel: 'sync:status',
  input: z.strictObject({}),
  output: z.object({ status: syncStatus, policyServerUrl: z.string().nullable(), serverUrlLocked: z.boolean() }),
});

export const syncConfigure = defineContract({
  channel: 'sync:configure',
  input: z.strictObject(signInFields),
  output: z.object({ status: syncStatus }),
  invalidates: afterPull,
});

export const syncNow = defineContract({
  channel: 'sync:now',
  input: z.strictObject({}),
  output: z.object({ status: syncStatus }),
  invalidates: afterPull,
});

export const syncChangePassphrase = defineContract({
  channel: 'sync:changePassphrase',
  input: z.strictObject({ current: passphrase, next: passphrase }),
  output: z.object({ ok: z.literal(true) }),
  invalidates: syncQueries,
});

export const syncSignOut = defineContract({
  channel: 'sync:signOut',
  input: z.strictObject({ removeLocalCopy: z.boolean().default(false) }),
  output: z.object({ removed: z.boolean() }),
  invalidates: [...syncQueries, 'profiles:list', 'profiles:current'],
});

/** What the profile picker needs before anyone signs in: is there a school server to offer? */
export const syncSchoolServer = defineContract({
  channel: 'sync:schoolServer',
  access: 'public',
  input: z.strictObject({}),
  output: z.object({ serverUrl: z.string().nullable(), locked: z.boolean() }),
});

/** "Sign in with the school server": brings the account's profile to this machine and signs this window in to it. */
export const syncRoam = defineContract({
  channel: 'sync:roam',
  access: 'public',
  input: z.strictObject({ ...signInFields, jobId: z.string().max(64).optional() }),
  output: z.object({ profileId: z.string() }),
  invalidates: ['profiles:list', 'profiles:current', 'decks:list'],
});

export const syncContract = [
  syncStatusCall,
  syncConfigure,
  syncNow,
  syncChangePassphrase,
  syncSignOut,
  syncSchoolServer,
  syncRoam,
] as const;
