import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParleyBridge } from '../../src-shared/bridge';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

await import('../../src-preload/index');
const bridge = contextBridge.exposed.get('parley') as ParleyBridge;

afterEach(() => {
  ipcRenderer.invoke.mockClear();
});

describe('the preload bridge', () => {
  it('exposes only invoke, on and uploadFile, as window.parley', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'uploadFile']);
  });

  it('hands the main process the path of a picked file, and refuses anything else', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { fileId: 'f'.repeat(24), fileName: 'words.csv', bytes: 3 } });
    await expect(bridge.uploadFile({ pickedPath: '/home/ana/words.csv' })).resolves.toMatchObject({ ok: true });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('parley:uploadFile', '/home/ana/words.csv');
    ipcRenderer.invoke.mockClear();
    for (const notAFile of ['/etc/passwd', { name: 'x.csv' }, null]) {
      await expect(bridge.uploadFile(notAFile)).rejects.toThrow(/only open files you picked/);
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('passes contract channels to ipcRenderer.invoke', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { profiles: [] } });
    await expect(bridge.invoke('profiles:list', {})).resolves.toEqual({ ok: true, value: { profiles: [] } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('profiles:list', {});
  });

  it('rejects channels not in the contract without calling ipcRenderer', async () => {
    for (const channel of ['shell:exec', 'parley:event', '__proto__', 'toString', 42 as unknown as string]) {
      await expect(bridge.invoke(channel, {})).rejects.toThrow(/no such channel/);
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers contract events by name, with the payload only', () => {
    const signedOut = vi.fn();
    const progress = vi.fn();
    const off = bridge.on('session:signedOut', signedOut);
    bridge.on('jobs:progress', progress);

    ipcRenderer.deliver('parley:event', { name: 'session:signedOut', payload: { reason: 'deleted' } });
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(signedOut.mock.calls[0]).toEqual([{ reason: 'deleted' }]);
    expect(progress).not.toHaveBeenCalled();

    off();
    ipcRenderer.deliver('parley:event', { name: 'session:signedOut', payload: { reason: 'reset' } });
    ipcRenderer.deliver('parley:event', 'not a message');
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('ignores unknown events', () => {
    const cb = vi.fn();
    const off = bridge.on('secrets:leaked', cb);
    ipcRenderer.deliver('parley:event', { name: 'secrets:leaked', payload: {} });
    expect(cb).not.toHaveBeenCalled();
    expect(off).toBeTypeOf('function');
    expect(() => off()).not.toThrow();
  });
});
