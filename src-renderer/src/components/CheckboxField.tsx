import { useId, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  hint?: string;
}

export function CheckboxField({ label, hint, className, ...input }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={`checkbox-field ${className ?? ''}`}>
      <input id={id} type="checkbox" className="checkbox" aria-describedby={hint ? hintId : undefined} {...input} />
      <div>
        <label htmlFor={id} className="checkbox-label">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
