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
      className={`rounded border bg-white px-2 py-0.5 text-sm whitespace-nowrap outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-teal-400 disabled:text-slate-400 ${
        danger ? 'border-red-300 text-red-700' : 'border-slate-300 text-slate-800'
      } ${className}`}
    />
  );
}
