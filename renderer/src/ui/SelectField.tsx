import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldFrame, type FieldFrameProps } from './FieldFrame';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

interface SelectFieldProps extends FieldFrameProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'className'> {
  readonly value: string;
  readonly options: ReadonlyArray<SelectOption>;
  readonly onChange: (value: string) => void;
  /** Shown as the empty choice ('' value); left out, the list has no empty choice. */
  readonly placeholder?: string;
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
  note,
  optional,
  selectRef,
  className,
  ...selectProps
}: SelectFieldProps) {
  return (
    <FieldFrame label={label} path={path} error={error} hint={hint} note={note} optional={optional} className={className}>
      {({ frameClassName, ...control }) => (
        <select {...selectProps} {...control} ref={selectRef} value={value} onChange={(event) => onChange(event.target.value)} className={frameClassName}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
