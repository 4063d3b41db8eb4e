import { z } from 'zod';
import { defineContract } from './define';

export const startupProblem = z.object({
  kind: z.enum(['corrupt', 'too_new', 'unreadable']),
  message: z.string(),
  backups: z.array(z.object({ name: z.string(), createdAt: z.number().int(), bytes: z.number().int() })),
});
export type StartupProblem = z.infer<typeof startupProblem>;

export const appInfo = defineContract({
  channel: 'app:info',
  access: 'public',
  inRecovery: true,
  input: z.strictObject({}),
  output: z.object({
    name: z.string(),
    version: z.string(),
    shell: z.enum(['electron', 'web', 'test']),
    schemaVersion: z.number().int(),
    problem: startupProblem.nullable(),
  }),
});

export const appOpenLogsFolder = defineContract({
  channel: 'app:openLogsFolder',
  input: z.strictObject({}),
  output: z.object({ path: z.string(), opened: z.boolean() }),
});

export const appRestoreBackup = defineContract({
  channel: 'app:restoreBackup',
  access: 'public',
  inRecovery: true,
  input: z.strictObject({ name: z.string().regex(/^[\w.-]{1,200}$/, 'not a backup file name') }),
  output: z.object({ restored: z.string(), setAside: z.string().nullable() }),
  invalidates: ['app:info', 'profiles:list', 'profiles:current'],
});

export const appContract = [appInfo, appOpenLogsFolder, appRestoreBackup] as const;
