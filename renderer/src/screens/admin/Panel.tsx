import type { ReactNode } from 'react';

export function Panel({ title, testId, children }: { readonly title: string; readonly testId: string; readonly children: ReactNode }) {
  return (
    <section data-testid={testId} className="grid content-start gap-4 rounded-lg bg-surface p-5 shadow-sm">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
