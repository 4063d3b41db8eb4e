import { useId, type InputHTMLAttributes } from 'react';
import { LockedNote } from './LockedNote';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  hint?: string;
  /** Set when a machine policy fixes this setting: the checkbox is disabled and says why. */
  lockedNote?: string | null;
}

export function CheckboxField({ label, hint, lockedNote, className, disabled, ...input }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const lockedId = `${id}-locked`;
  const describedBy = [lockedNote ? lockedId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`checkbox-field ${className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        aria-describedby={describedBy}
        disabled={disabled || Boolean(lockedNote)}
        {...input}
      />
      <div>
        <label htmlFor={id} className="checkbox-label">
          {label}
        </label>
        {lockedNote && <LockedNote id={lockedId} text={lockedNote} />}
        {hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
