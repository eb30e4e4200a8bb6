import type { ComponentProps } from 'react';

export type ButtonTone = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'normal' | 'small';

const TONES: Readonly<Record<ButtonTone, string>> = {
  primary: 'bg-primary text-on-primary hover:bg-primary-strong disabled:bg-primary-edge',
  secondary: 'border border-border bg-surface text-ink hover:bg-surface-muted disabled:text-faint',
  danger: 'border border-danger-line bg-surface text-danger hover:bg-danger-soft disabled:text-faint',
  ghost: 'text-primary-strong hover:bg-surface-hover disabled:text-faint',
};

const SIZES: Readonly<Record<ButtonSize, string>> = {
  normal: 'rounded-md px-4 py-2 text-base font-medium',
  small: 'rounded px-2 py-0.5 text-sm whitespace-nowrap',
};

interface ButtonProps extends ComponentProps<'button'> {
  readonly tone?: ButtonTone;
  readonly size?: ButtonSize;
}

/** The one button of the app; `type` defaults to "button" so that only a form's 保存 submits it. */
export function Button({ tone = 'secondary', size = 'normal', className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={`outline-none focus-visible:ring-2 focus-visible:ring-focus focus-visible:ring-offset-1 ${SIZES[size]} ${TONES[tone]} ${className}`}
    />
  );
}
