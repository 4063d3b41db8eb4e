import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, ipcMain } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { startElectronShell } = await import('../../src-main/electron/shell');

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'parley-shell-policy-'));
  const policyFile = path.join(root, 'policy.json');
  writeFileSync(
    policyFile,
    JSON.stringify({ dataDir: '${PARLEY_TEST_ROOT}/school-data', profiles: { allowSelfService: false } }),
  );
  vi.stubEnv('PARLEY_POLICY_FILE', policyFile);
  vi.stubEnv('PARLEY_TEST_ROOT', root);
  vi.stubEnv('PARLEY_DATA_DIR', path.join(root, 'learner-choice'));
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('the Electron shell and the machine policy', () => {
  it('reads the policy at start: its data folder wins over PARLEY_DATA_DIR, and the core enforces it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startElectronShell({ preloadPath: '/app/out/preload/index.cjs', rendererDir: '/app/out/renderer' });
    expect(app.setPath).toHaveBeenCalledWith('userData', path.join(root, 'school-data'));

    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    const contents = BrowserWindow.instances[0]!.webContents;
    const call = (channel: string, input: unknown) =>
      ipcMain.handlers.get(channel)!({ sender: contents, senderFrame: contents.mainFrame }, input);
    await expect(call('policy:get', {})).resolves.toMatchObject({
      ok: true,
      value: { policy: { profiles: { allowSelfService: false } }, locked: ['allowSelfServiceProfiles'], problems: [] },
    });
    await expect(call('settings:getApp', {})).resolves.toMatchObject({
      ok: true,
      value: { settings: { allowSelfServiceProfiles: false } },
    });

    app.emit('will-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    vi.restoreAllMocks();
  });
});
