import type { StartupProblem } from '../../../src-shared/contract/app';

/** What the app domain can ask of the core itself: facts about it, and restoring the database. */
export interface AppControl {
  info(): {
    name: string;
    version: string;
    shell: 'electron' | 'web' | 'test';
    schemaVersion: number;
    problem: StartupProblem | null;
  };
  openLogsFolder(): Promise<{ path: string; opened: boolean }>;
  /** From the recovery screen, or (`whileRunning`) from Settings: the open database is closed and set aside first. */
  restoreBackup(name: string, options?: { whileRunning?: boolean }): Promise<{ restored: string; setAside: string | null }>;
}
