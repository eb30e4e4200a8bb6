import type { ReactNode } from 'react';
import { UI_TEXT } from './text';

interface ErrorBannerProps {
  /** A failed call (ApiError), or any failure with a stable code and a message for the user. */
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly onDismiss?: () => void;
  /** `data-testid`: `error-banner` unless the screen names its own (`sync-error`). */
  readonly testId?: string;
  /** More under the message: what to do next, or technical detail folded away. */
  readonly children?: ReactNode;
}

/** The message of a failure, in the words the back end chose; field details are shown at the fields. */
export function ErrorBanner({ error, onDismiss, testId = 'error-banner', children }: ErrorBannerProps) {
  if (!error) return null;
  return (
    <div
      role="alert"
      data-testid={testId}
      data-code={error.code}
      className="flex items-start gap-3 rounded-md border border-danger-line bg-danger-soft px-4 py-3 text-danger-strong"
    >
      <span aria-hidden className="mt-0.5 font-bold">
        !
      </span>
      <div className="flex-1">
        <p>{error.message}</p>
        {children}
      </div>
      {onDismiss && (
        <button type="button" onClick={onDismiss} className="text-sm text-danger underline-offset-2 hover:underline">
          {UI_TEXT.dismiss}
        </button>
      )}
    </div>
  );
}
