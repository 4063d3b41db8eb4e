/** A key the learner can press, shown next to the control it triggers. Decorative: the control names the key. */
export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {children}
    </kbd>
  );
}
