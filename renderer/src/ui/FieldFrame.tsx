import { useId, type ReactNode } from 'react';
import { UI_TEXT } from './text';

export interface FieldFrameProps {
  readonly label: string;
  /** The contract path of this field; field errors and tests find the field by it. */
  readonly path: string;
  readonly error?: string;
  readonly hint?: string;
  /** Something the field did to what was typed (made it lower case), said as it happens. */
  readonly note?: string;
  readonly optional?: boolean;
  readonly className?: string;
}

/** What the control inside the frame needs: its id for the label, and the ids of the lines that describe it. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
  /** Border and focus ring, red while the field has an error. */
  readonly frameClassName: string;
}

/**
 * The frame every labelled field shares: the label (with 选填), the control, a hint and the error
 * underneath, tagged with the contract path (`data-field`, `data-error-for`).
 */
export function FieldFrame({
  label,
  path,
  error,
  hint,
  note,
  optional,
  className,
  children,
}: FieldFrameProps & { readonly children: (control: FieldControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null, note ? `${id}-note` : null].filter(Boolean).join(' ') || undefined;
  const frameClassName = `w-full rounded-md border bg-surface px-3 py-2 text-base outline-none focus:ring-2 ${
    error ? 'border-danger-edge focus:ring-danger-line' : 'border-border focus:border-primary-bright focus:ring-primary-tint'
  }`;
  return (
    <div data-field={path} className={className}>
      <label htmlFor={id} className="mb-1 block font-medium text-ink">
        {label}
        {optional && <span className="font-normal text-muted">{UI_TEXT.optional}</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, frameClassName })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {note && (
        <p id={`${id}-note`} data-note-for={path} role="status" className="mt-1 text-sm text-primary-ink">
          {note}
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
