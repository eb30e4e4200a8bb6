import { HOME_TEXT as T } from './text';

/** An honest empty section: says it is not built yet and what it will do. No made-up data. */
export function Placeholder({ title, plan }: { readonly title: string; readonly plan: string }) {
  return (
    <section data-testid="placeholder" className="mx-auto mt-10 max-w-xl rounded-lg border border-dashed border-border bg-surface p-8 text-center">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="mt-3 text-lg text-ink-soft">{T.underConstruction}</p>
      <p className="mt-2 text-ink-soft">{plan}</p>
      <p className="mt-2 text-sm text-muted">{T.underConstructionNote}</p>
    </section>
  );
}

export function NoPermission({ title }: { readonly title: string }) {
  return (
    <section data-testid="no-permission" className="mx-auto mt-10 max-w-xl rounded-lg border border-border-soft bg-surface p-8 text-center">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="mt-3 text-ink-soft">{T.noPermission}</p>
    </section>
  );
}
