import { z } from 'zod';
import { shellLog } from './shell-log';

export const APP_SCHEME = 'app';
export const APP_HOST = 'parley';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Where the window loads the renderer from, and the one origin it trusts for IPC, navigation and permissions. */
export interface RendererEntry {
  url: string;
  origin: string;
}

const TRUSTED_SCHEMES = new Set(['app:', 'http:', 'https:']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `scheme://host[:port]` of a URL, or null. Node's URL reports the origin of a custom scheme as "null", so it is
 * built by hand; the same function reads frame URLs, permission origins and navigation targets.
 */
export function originOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (!TRUSTED_SCHEMES.has(parsed.protocol) || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

const devServerUrl = z
  .string()
  .refine((value) => URL.canParse(value), 'not a URL')
  .refine((value) => {
    const parsed = new URL(value);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname);
  }, 'not a loopback http(s) URL');

/**
 * The built renderer over `app://parley/`, or electron-vite's dev server in development. A packaged app ignores
 * ELECTRON_RENDERER_URL: anyone who can set an environment variable must not be able to point a window that
 * holds the IPC bridge at a page of their choosing. Even in development only a loopback server is accepted.
 */
export function rendererEntry(devUrl: string | undefined, isPackaged: boolean): RendererEntry {
  if (!isPackaged && devUrl !== undefined) {
    const parsed = devServerUrl.safeParse(devUrl);
    const origin = parsed.success ? originOf(parsed.data) : null;
    if (parsed.success && origin) return { url: parsed.data, origin };
    shellLog.warn('ignoring ELECTRON_RENDERER_URL: it is not a loopback http(s) URL');
  }
  return { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };
}
