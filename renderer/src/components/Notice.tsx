import type { ReactNode } from 'react';

/** A calm confirmation or hint (not an error). */
export function Notice({ children }: { readonly children: ReactNode }) {
  return (
    <div role="status" data-testid="notice" className="rounded-md border border-primary-line bg-primary-soft px-4 py-3 text-primary-ink">
      {children}
    </div>
  );
}
