import type { SyncErrorView } from '../../../../shared/api/sync';
import { SYNC_TEXT as T } from './text';

/** A sync failure: what to do in plain words, the library's own words folded away for the administrator. */
export function SyncErrorBox({ error }: { readonly error: SyncErrorView }) {
  return (
    <div
      role="alert"
      data-testid="sync-error"
      data-code={error.code}
      className="rounded-md border border-danger-line bg-danger-soft px-4 py-3 text-danger-strong"
    >
      <p>{error.message}</p>
      {error.detail && (
        <details className="mt-1 text-sm text-danger">
          <summary className="cursor-pointer">{T.technicalDetail}</summary>
          <code className="break-all">{error.detail}</code>
        </details>
      )}
    </div>
  );
}
