import type { ComponentProps } from 'react';
import { Button } from './Button';

interface RowButtonProps extends Omit<ComponentProps<'button'>, 'type'> {
  /** `data-action` for tests: `edit`, `password`, `toggle-active`. */
  readonly action: string;
  readonly danger?: boolean;
}

/** A small button in a list row. */
export function RowButton({ action, danger = false, ...props }: RowButtonProps) {
  return <Button {...props} data-action={action} size="small" tone={danger ? 'danger' : 'secondary'} />;
}
