import type { ReactNode } from 'react';
import type { ApiError } from '../../../../shared/api';
import { APP_TEXT } from '../../app/text';
import { Button, ErrorBanner } from '../../ui';
import { SETUP_TEXT as T } from './text';

interface FirstRunFrameProps {
  readonly testId: string;
  readonly title: string;
  readonly intro: string;
  /** The refusal of the last try; `ALREADY_SET_UP` offers the way to the login. */
  readonly error: ApiError | null;
  readonly onDismissError: () => void;
  readonly onGoToLogin: () => void;
  /** The form's way back and its keyboard hint; left out while progress shows. */
  readonly footer: { readonly backLabel: string; readonly onBack: () => void; readonly hint: string; readonly disabled: boolean } | null;
  readonly children: ReactNode;
}

/** The card a first-run path other than the wizard sits in (从县级服务器恢复, 加入本院): heading, the refusal, the form or progress, the way back. */
export function FirstRunFrame({ testId, title, intro, error, onDismissError, onGoToLogin, footer, children }: FirstRunFrameProps) {
  return (
    <div className="min-h-full bg-canvas py-8">
      <div className="mx-auto max-w-3xl rounded-lg bg-surface shadow-sm" data-testid={testId}>
        <header className="border-b border-border-soft px-8 pt-6 pb-4">
          <p className="text-sm text-muted">{APP_TEXT.productName}</p>
          <h1 className="text-2xl font-semibold">{title}</h1>
          <p className="mt-1 text-ink-soft">{intro}</p>
        </header>
        <div className="grid gap-4 px-8 py-6">
          {error && (
            <div className="grid gap-2">
              <ErrorBanner error={error} onDismiss={onDismissError} />
              {error.code === 'ALREADY_SET_UP' && (
                <div>
                  <Button tone="primary" onClick={onGoToLogin}>
                    {T.goToLogin}
                  </Button>
                </div>
              )}
            </div>
          )}
          {children}
        </div>
        {footer && (
          <footer className="flex items-center gap-3 border-t border-border-soft px-8 py-4">
            <Button onClick={footer.onBack} disabled={footer.disabled}>
              {footer.backLabel}
            </Button>
            <span className="flex-1 text-sm text-muted">{footer.hint}</span>
          </footer>
        )}
      </div>
    </div>
  );
}
