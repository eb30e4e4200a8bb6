import type { ComponentPropsWithRef } from 'react';
import { advanceOnEnter } from '../keyboard/enter-advances';

type FormProps = Omit<ComponentPropsWithRef<'form'>, 'onSubmit' | 'onKeyDown' | 'noValidate'>;

/**
 * A form the way the front desk types: Enter moves to the next field and, in the last one, submits;
 * the browser's own validation bubbles stay off (our checks say what is wrong in Chinese, next to
 * the field). `onSubmit` runs once per submit, with the page never reloaded.
 */
export function KeyboardForm({ onSubmit, children, ...rest }: FormProps & { onSubmit: () => void }) {
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => advanceOnEnter(event, onSubmit)}
    >
      {children}
    </form>
  );
}
