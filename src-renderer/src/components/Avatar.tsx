/** A profile's initial in a coloured circle; the hue comes from the name so each profile keeps its colour. */
export function Avatar({ name, size = 'medium' }: { name: string; size?: 'small' | 'medium' | 'large' }) {
  const initial = Array.from(name.trim())[0]?.toLocaleUpperCase() ?? '?';
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 6;
  return (
    <span className={`avatar avatar-${size} avatar-hue-${hash}`} aria-hidden="true">
      {initial}
    </span>
  );
}
