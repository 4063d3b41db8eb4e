import { useEffect } from 'react';
import type { ProfileSettings } from '../../../src-shared/domain/settings';

/**
 * Puts the theme and motion preference on <html>, where the stylesheet reads them. 'system' is left to the
 * stylesheet's prefers-color-scheme, so it follows the operating system live.
 */
export function useAppearance(settings: Pick<ProfileSettings, 'theme' | 'reduceMotion'> | undefined): void {
  const theme = settings?.theme ?? 'system';
  const reduceMotion = settings?.reduceMotion ?? false;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.reduceMotion = String(reduceMotion);
  }, [theme, reduceMotion]);
}
