import { Icon } from './Icon';

/** Says a control is fixed by the school's machine policy; the control points at it with aria-describedby. */
export function LockedNote({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="field-hint locked-note">
      <Icon name="lock" size={14} />
      {text}
    </p>
  );
}
