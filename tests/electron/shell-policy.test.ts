import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

const { menuTemplate } = await import('../../src-main/electron/menu');
const { rendererEntry, originOf } = await import('../../src-main/electron/renderer-origin');
const { isSafeExternalUrl } = await import('../../src-main/electron/navigation-guard');

const roles = (template: ReturnType<typeof menuTemplate>): string[] =>
  template.flatMap((item) => [
    item.role ?? item.label ?? '',
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help, and developer tools only in development', () => {
    const packaged = roles(menuTemplate(true, 'linux'));
    expect(packaged).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'View', 'windowMenu', 'help']));
    expect(packaged).not.toContain('toggleDevTools');
    expect(roles(menuTemplate(false, 'linux'))).toContain('toggleDevTools');
    expect(roles(menuTemplate(true, 'darwin'))[0]).toBe('appMenu');
  });
});

describe('the renderer origin', () => {
  it('is app://parley, and the dev server only in development and only on loopback', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(rendererEntry(undefined, false)).toEqual({ url: 'app://parley/index.html', origin: 'app://parley' });
    expect(rendererEntry('http://localhost:5173/', false)).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
    expect(rendererEntry('http://localhost:5173/', true).origin).toBe('app://parley');
    expect(rendererEntry('https://evil.example/', false).origin).toBe('app://parley');
    expect(rendererEntry('file:///tmp/x.html', false).origin).toBe('app://parley');
    vi.restoreAllMocks();
  });

  it('is read the same way from frame URLs and permission origins', () => {
    expect(originOf('app://parley/index.html')).toBe('app://parley');
    expect(originOf('app://parley/')).toBe('app://parley');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('lets only https links out to the system browser', () => {
    expect(isSafeExternalUrl('https://en.wiktionary.org/wiki/hola')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl(`https://example.org/${'a'.repeat(3000)}`)).toBe(false);
  });
});
