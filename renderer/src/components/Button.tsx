import type { ComponentProps } from 'react';

type Tone = 'primary' | 'secondary' | 'danger';

const TONES: Readonly<Record<Tone, string>> = {
  primary: 'bg-primary text-on-primary hover:bg-primary-strong disabled:bg-primary-edge',
  secondary: 'border border-border bg-surface text-ink hover:bg-surface-muted disabled:text-faint',
  danger: 'border border-danger-line bg-surface text-danger hover:bg-danger-soft',
};

interface ButtonProps extends ComponentProps<'button'> {
  readonly tone?: Tone;
}

export function Button({ tone = 'secondary', className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={`rounded-md px-4 py-2 text-base font-medium outline-none focus-visible:ring-2 focus-visible:ring-focus focus-visible:ring-offset-1 ${TONES[tone]} ${className}`}
    />
  );
}
