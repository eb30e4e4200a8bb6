import { useEffect } from 'react';

/** How long a toast stays: long enough to read a sentence at the front desk. */
export const TOAST_MS = 6000;

/**
 * A short message that something was done elsewhere on the screen (saved, synced), at the bottom
 * corner; it goes by itself, or on a click. Use StatusLine for anything the user must act on.
 */
export function Toast({
  message,
  onGone,
  durationMs = TOAST_MS,
}: {
  readonly message: string | null;
  readonly onGone: () => void;
  readonly durationMs?: number;
}) {
  useEffect(() => {
    if (message === null) return;
    const timer = window.setTimeout(onGone, durationMs);
    return () => window.clearTimeout(timer);
  }, [message, onGone, durationMs]);
  if (message === null) return null;
  return (
    <div role="status" data-testid="toast" className="fixed right-6 bottom-12 z-30 max-w-sm rounded-md bg-ink px-4 py-3 text-on-primary shadow-lg">
      <button type="button" onClick={onGone} className="text-left outline-none">
        {message}
      </button>
    </div>
  );
}
