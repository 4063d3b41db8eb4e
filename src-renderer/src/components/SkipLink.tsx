import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** The first stop for keyboard users: jumps past the header and navigation. The hash belongs to the router, so focus moves by hand. */
export function SkipLink({ target }: { target: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        target.current?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
