import type { ReactNode } from 'react';

/** A labelled row of checkboxes (roles, departments), tagged with its contract path for errors and tests. */
export function ChoiceGroup({
  label,
  path,
  error,
  children,
}: {
  readonly label: string;
  readonly path: string;
  readonly error?: string;
  readonly children: ReactNode;
}) {
  return (
    <fieldset data-field={path}>
      <legend className="mb-1 font-medium text-ink">{label}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">{children}</div>
      {error && (
        <p data-error-for={path} className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
