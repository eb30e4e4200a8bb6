import type { ApiError } from '../../../shared/api';
import { UI_TEXT } from './text';

interface ErrorBannerProps {
  readonly error: ApiError | null;
  readonly onDismiss?: () => void;
}

/** The message of a failed call, in the words the back end chose; field details are shown at the fields. */
export function ErrorBanner({ error, onDismiss }: ErrorBannerProps) {
  if (!error) return null;
  return (
    <div
      role="alert"
      data-testid="error-banner"
      data-code={error.code}
      className="flex items-start gap-3 rounded-md border border-danger-line bg-danger-soft px-4 py-3 text-danger-strong"
    >
      <span aria-hidden className="mt-0.5 font-bold">
        !
      </span>
      <p className="flex-1">{error.message}</p>
      {onDismiss && (
        <button type="button" onClick={onDismiss} className="text-sm text-danger underline-offset-2 hover:underline">
          {UI_TEXT.dismiss}
        </button>
      )}
    </div>
  );
}
