import { useEffect, useRef, type ReactNode } from 'react';

/** A heading that takes focus when it appears, so a step that replaced the focused button does not drop focus. */
export function FocusHeading({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h3 ref={ref} tabIndex={-1} className={className ?? 'subsection-title'}>
      {children}
    </h3>
  );
}
