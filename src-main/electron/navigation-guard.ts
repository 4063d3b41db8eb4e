import { shell, type WebContents } from 'electron';
import { originOf } from './renderer-origin';
import { shellLog } from './shell-log';

const MAX_EXTERNAL_URL_LENGTH = 2048;

/** Links the learner may follow out of the app: plain https pages, without credentials in the URL. */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/**
 * Applied to every webContents the app creates: a page may move within our own origin only, opens no windows
 * (an https link goes to the system browser instead, where it has none of our privileges) and attaches no
 * <webview>.
 */
export function guardWebContents(contents: WebContents, origin: string): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }) => {
    if (originOf(event.url) === origin) return;
    event.preventDefault();
    shellLog.warn('navigation refused', { to: originOf(event.url) ?? 'another scheme' });
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function openInSystemBrowser(url: string): void {
  if (!isSafeExternalUrl(url)) {
    shellLog.warn('new window refused', { to: originOf(url) ?? 'another scheme' });
    return;
  }
  shell.openExternal(url).catch((error: unknown) => {
    shellLog.warn('could not open the system browser', { message: (error as Error)?.message });
  });
}
