import type { ReactNode } from 'react';
import { APP_TEXT } from '../../app/text';
import { Button, ErrorBanner, type FormHandle } from '../../ui';
import { SETUP_TEXT as T } from './text';

interface FirstRunFrameProps<D> {
  readonly testId: string;
  readonly title: string;
  readonly intro: string;
  /** The form: its last refusal shows above it (`ALREADY_SET_UP` offers the way to the login); sending disables the way back. */
  readonly form: FormHandle<D>;
  /** The form shows; otherwise the pull's progress does, with no refusal and no way back. */
  readonly formShown: boolean;
  readonly onGoToLogin: () => void;
  /** The form's way back and its keyboard hint. */
  readonly back: { readonly label: string; readonly onBack: () => void; readonly hint: string };
  /** The pull's progress, drawn instead of the form. */
  readonly progress: ReactNode;
  /** The form. */
  readonly children: ReactNode;
}

/** The card a first-run path other than the wizard sits in (从县级服务器恢复, 加入本院): heading, the refusal, the form or progress, the way back. */
export function FirstRunFrame<D>({ testId, title, intro, form, formShown, onGoToLogin, back, progress, children }: FirstRunFrameProps<D>) {
  const error = formShown ? form.error : null;
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
              <ErrorBanner error={error} onDismiss={() => form.dispatch({ type: 'dismissError' })} />
              {error.code === 'ALREADY_SET_UP' && (
                <div>
                  <Button tone="primary" onClick={onGoToLogin}>
                    {T.goToLogin}
                  </Button>
                </div>
              )}
            </div>
          )}
          {formShown ? children : progress}
        </div>
        {formShown && (
          <footer className="flex items-center gap-3 border-t border-border-soft px-8 py-4">
            <Button onClick={back.onBack} disabled={form.saving}>
              {back.label}
            </Button>
            <span className="flex-1 text-sm text-muted">{back.hint}</span>
          </footer>
        )}
      </div>
    </div>
  );
}
