import type { InputHTMLAttributes, Ref } from 'react';
import { FieldFrame, type FieldFrameProps } from './FieldFrame';

interface TextFieldProps extends FieldFrameProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'className'> {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly inputRef?: Ref<HTMLInputElement>;
  /** Extra classes for the input itself (width, font); `className` styles the whole field. */
  readonly inputClassName?: string;
}

export function TextField({
  label,
  path,
  value,
  onChange,
  error,
  hint,
  note,
  optional,
  inputRef,
  className,
  inputClassName = '',
  ...inputProps
}: TextFieldProps) {
  return (
    <FieldFrame label={label} path={path} error={error} hint={hint} note={note} optional={optional} className={className}>
      {({ frameClassName, ...control }) => (
        <input
          {...inputProps}
          {...control}
          ref={inputRef}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={`${frameClassName} ${inputClassName}`}
        />
      )}
    </FieldFrame>
  );
}
