import { useId, type SelectHTMLAttributes } from 'react';
import { LockedNote } from './LockedNote';

export interface SelectOption {
  value: string;
  label: string;
}

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: readonly SelectOption[];
  hint?: string;
  error?: string | null;
  /** Set when a machine policy fixes this setting: the select is disabled and says why. */
  lockedNote?: string | null;
}

export function SelectField({ label, options, hint, error, lockedNote, className, disabled, ...select }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const lockedId = `${id}-locked`;
  const describedBy =
    [lockedNote ? lockedId : '', hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="input select"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        disabled={disabled || Boolean(lockedNote)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {lockedNote && <LockedNote id={lockedId} text={lockedNote} />}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
