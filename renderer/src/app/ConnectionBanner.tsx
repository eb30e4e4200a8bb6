import { APP_TEXT } from './text';

/** Shown on every screen while the back end does not answer; disappears by itself once it does. */
export function ConnectionBanner({ online }: { readonly online: boolean }) {
  if (online) return null;
  return (
    <div role="alert" data-testid="connection-banner" className="bg-warning-muted px-4 py-2 text-center text-warning-ink">
      {APP_TEXT.offline}
    </div>
  );
}
