import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { UI_TEXT } from './text';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  readonly label: string;
  /** The contract path of this field; field errors and tests find the field by it. */
  readonly path: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly hint?: string;
  readonly optional?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
  /** Extra classes for the input itself (width, font); `className` styles the whole field. */
  readonly inputClassName?: string;
}

export function TextField({ label, path, value, onChange, error, hint, optional, inputRef, className, inputClassName = '', ...inputProps }: TextFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div data-field={path} className={className}>
      <label htmlFor={id} className="mb-1 block font-medium text-ink">
        {label}
        {optional && <span className="font-normal text-muted">{UI_TEXT.optional}</span>}
      </label>
      <input
        {...inputProps}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`w-full rounded-md border bg-surface px-3 py-2 text-base outline-none focus:ring-2 ${
          error ? 'border-danger-edge focus:ring-danger-line' : 'border-border focus:border-primary-bright focus:ring-primary-tint'
        } ${inputClassName}`}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} data-error-for={path} className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
