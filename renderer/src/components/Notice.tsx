import type { ReactNode } from 'react';

/** A calm confirmation or hint (not an error). */
export function Notice({ children }: { readonly children: ReactNode }) {
  return (
    <div role="status" data-testid="notice" className="rounded-md border border-teal-300 bg-teal-50 px-4 py-3 text-teal-900">
      {children}
    </div>
  );
}
