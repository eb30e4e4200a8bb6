import { HOME_TEXT as T } from './text';

/** An honest empty section: says it is not built yet and what it will do. No made-up data. */
export function Placeholder({ title, plan }: { readonly title: string; readonly plan: string }) {
  return (
    <section data-testid="placeholder" className="mx-auto mt-10 max-w-xl rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="mt-3 text-lg text-slate-700">{T.underConstruction}</p>
      <p className="mt-2 text-slate-600">{plan}</p>
      <p className="mt-2 text-sm text-slate-500">{T.underConstructionNote}</p>
    </section>
  );
}

export function NoPermission({ title }: { readonly title: string }) {
  return (
    <section data-testid="no-permission" className="mx-auto mt-10 max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="mt-3 text-slate-700">{T.noPermission}</p>
    </section>
  );
}
