import { HOME_TEXT as T } from './text';

export function NoPermission({ title }: { readonly title: string }) {
  return (
    <section data-testid="no-permission" className="mx-auto mt-10 max-w-xl rounded-lg border border-border-soft bg-surface p-8 text-center">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="mt-3 text-ink-soft">{T.noPermission}</p>
    </section>
  );
}
