import { rmSync } from 'node:fs';
import path from 'node:path';
import { listBackups, takeCompressedBackup, type BackupFile } from '../../../db/backups';
import { ContractError } from '../../../src-shared/contract/errors';
import type { DomainDeps } from '../index';

/** Manual backups kept besides the automatic daily ones. */
const KEEP_MANUAL = 10;

const kindOf = (name: string) => /^parley-([a-z0-9-]+?)-\d{8}T/.exec(name)?.[1] ?? 'other';
const describe = (b: BackupFile) => ({ ...b, kind: kindOf(b.name) });

/**
 * The database's backups as the learner sees them in Settings: the list, "back up now" (a gzipped online backup),
 * and the check that restoring is theirs to do. The restore itself is the core's (it must close and reopen the
 * database), shared with the recovery screen.
 */
export function createBackupsService(deps: DomainDeps) {
  const dir = path.join(deps.dataDir, 'backups');
  return {
    dir,
    list(profileId: string) {
      return { backups: listBackups(dir).map(describe), canRestore: this.canRestore(profileId) };
    },
    canRestore(profileId: string): boolean {
      return deps.profiles.count() <= 1 || deps.profiles.isAdmin(profileId);
    },
    assertCanRestore(profileId: string, name: string): void {
      if (!this.canRestore(profileId)) {
        throw new ContractError('FORBIDDEN', 'Restoring a backup replaces every profile on this computer; ask an administrator.');
      }
      if (!listBackups(dir).some((b) => b.name === name)) throw new ContractError('NOT_FOUND', 'That backup no longer exists.');
    },
    async create() {
      const name = await takeCompressedBackup(deps.db.$client, dir, 'manual', deps.now());
      for (const old of listBackups(dir).filter((b) => b.name.startsWith('parley-manual-')).slice(KEEP_MANUAL)) {
        rmSync(path.join(dir, old.name), { force: true });
      }
      const backup = listBackups(dir).find((b) => b.name === name);
      if (!backup) throw new ContractError('INTERNAL', 'The backup could not be written.');
      return { backup: describe(backup) };
    },
  };
}
