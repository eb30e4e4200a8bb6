import type { ReactNode } from 'react';

type Tone = 'primary' | 'warning' | 'success';

const TONES: Readonly<Record<Tone, string>> = {
  primary: 'border-primary-line bg-primary-soft text-primary-ink',
  success: 'border-success-line bg-success-soft text-success-ink',
  warning: 'border-warning-edge bg-warning-soft text-warning-ink',
};

/** A calm line saying what just happened or what to know (not an error: that is ErrorBanner). */
export function StatusLine({ children, tone = 'primary' }: { readonly children: ReactNode; readonly tone?: Tone }) {
  return (
    <div role="status" data-testid="notice" className={`rounded-md border px-4 py-3 ${TONES[tone]}`}>
      {children}
    </div>
  );
}

/** The older name of the status line, which screens still use for a confirmation or hint. */
export const Notice = StatusLine;
