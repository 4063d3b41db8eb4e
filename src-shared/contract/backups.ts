import { z } from 'zod';
import { defineContract } from './define';

export const backupInfo = z.object({
  name: z.string(),
  /** daily, manual, pre-migration (before an upgrade), replaced/damaged (a database set aside by a restore). */
  kind: z.string(),
  createdAt: z.number().int(),
  bytes: z.number().int(),
});

const backupName = z.string().regex(/^parley-[a-z0-9-]{1,40}-\d{8}T\d{6}Z\.db(\.gz)?$/, 'not a backup file name');

export const backupsList = defineContract({
  channel: 'backups:list',
  input: z.strictObject({}),
  output: z.object({
    backups: z.array(backupInfo),
    /** Restoring replaces every profile's data on this computer: the only profile, or an admin, may do it. */
    canRestore: z.boolean(),
  }),
});

export const backupsCreate = defineContract({
  channel: 'backups:create',
  input: z.strictObject({}),
  output: z.object({ backup: backupInfo }),
  invalidates: ['backups:list'],
});

export const backupsRestore = defineContract({
  channel: 'backups:restore',
  input: z.strictObject({ name: backupName, confirm: z.literal(true) }),
  output: z.object({ restored: z.string(), setAside: z.string().nullable() }),
  invalidates: ['backups:list', 'profiles:list', 'profiles:current', 'decks:list', 'review:next', 'browse:search'],
});

export const backupsContract = [backupsList, backupsCreate, backupsRestore] as const;
