import { useId, type Ref, type SelectHTMLAttributes } from 'react';
import { UI_TEXT } from './text';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  readonly label: string;
  /** The contract path of this field; field errors and tests find the field by it. */
  readonly path: string;
  readonly value: string;
  readonly options: ReadonlyArray<SelectOption>;
  readonly onChange: (value: string) => void;
  /** Shown as the empty choice ('' value); left out, the list has no empty choice. */
  readonly placeholder?: string;
  readonly error?: string;
  readonly hint?: string;
  readonly optional?: boolean;
  readonly selectRef?: Ref<HTMLSelectElement>;
}

/** A labelled drop-down with its error underneath, the sibling of TextField. */
export function SelectField({
  label,
  path,
  value,
  options,
  onChange,
  placeholder,
  error,
  hint,
  optional,
  selectRef,
  className,
  ...selectProps
}: SelectFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div data-field={path} className={className}>
      <label htmlFor={id} className="mb-1 block font-medium text-ink">
        {label}
        {optional && <span className="font-normal text-muted">{UI_TEXT.optional}</span>}
      </label>
      <select
        {...selectProps}
        id={id}
        ref={selectRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`w-full rounded-md border bg-surface px-3 py-2 text-base outline-none focus:ring-2 ${
          error ? 'border-danger-edge focus:ring-danger-line' : 'border-border focus:border-primary-bright focus:ring-primary-tint'
        }`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
