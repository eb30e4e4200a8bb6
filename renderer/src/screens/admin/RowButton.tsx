import type { ComponentProps } from 'react';

interface RowButtonProps extends Omit<ComponentProps<'button'>, 'type'> {
  /** `data-action` for tests: `edit`, `password`, `toggle-active`. */
  readonly action: string;
  readonly danger?: boolean;
}

/** A small button in a list row. */
export function RowButton({ action, danger = false, className = '', ...props }: RowButtonProps) {
  return (
    <button
      {...props}
      type="button"
      data-action={action}
      className={`rounded border bg-surface px-2 py-0.5 text-sm whitespace-nowrap outline-none hover:bg-surface-muted focus-visible:ring-2 focus-visible:ring-focus disabled:text-faint ${
        danger ? 'border-danger-line text-danger' : 'border-border text-ink'
      } ${className}`}
    />
  );
}
