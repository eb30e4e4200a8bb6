import type { SyncErrorView } from '../../../../shared/api/sync';
import { ErrorBanner } from '../../ui';
import { SYNC_TEXT as T } from './text';

/** A sync failure: what to do in plain words, the library's own words folded away for the administrator. */
export function SyncErrorBox({ error }: { readonly error: SyncErrorView }) {
  return (
    <ErrorBanner error={error} testId="sync-error">
      {error.detail && (
        <details className="mt-1 text-sm text-danger">
          <summary className="cursor-pointer">{T.technicalDetail}</summary>
          <code className="break-all">{error.detail}</code>
        </details>
      )}
    </ErrorBanner>
  );
}
