import type { ComponentProps } from 'react';

type Tone = 'primary' | 'secondary' | 'danger';

const TONES: Readonly<Record<Tone, string>> = {
  primary: 'bg-teal-700 text-white hover:bg-teal-800 disabled:bg-teal-400',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400',
  danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50',
};

interface ButtonProps extends ComponentProps<'button'> {
  readonly tone?: Tone;
}

export function Button({ tone = 'secondary', className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={`rounded-md px-4 py-2 text-base font-medium outline-none focus-visible:ring-2 focus-visible:ring-teal-400 focus-visible:ring-offset-1 ${TONES[tone]} ${className}`}
    />
  );
}
