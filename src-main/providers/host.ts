import { spawn } from 'node:child_process';

/** What the hosting shell can do for the core that only a desktop can: open a folder in the file manager. */
export interface Host {
  openPath(target: string): Promise<boolean>;
  /** Saves the focused window as a PDF where the learner picks (the desktop shell only); null when cancelled. */
  savePdf?(fileName: string): Promise<string | null>;
}

export const headlessHost: Host = { openPath: async () => false };

/** For the web shell, which runs on the learner's own machine: the platform's opener. */
export const systemOpenerHost: Host = {
  openPath(target) {
    const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    return new Promise((resolve) => {
      const child = spawn(command, [target], { detached: true, stdio: 'ignore' });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    });
  },
};
