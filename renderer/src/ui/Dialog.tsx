import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Button } from './Button';
import { focusableIn, trapKeys } from './focus-trap';
import { UI_TEXT } from './text';

type Tone = 'primary' | 'danger' | 'warning';

const BOX_TONES: Readonly<Record<Tone, string>> = {
  primary: 'border-primary-line bg-surface',
  danger: 'border-danger-line bg-danger-soft text-danger-ink',
  warning: 'border-warning-edge bg-warning-soft text-warning-ink',
};

interface DialogProps {
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly tone?: Tone;
  /** Over the screen with a dimmed backdrop; otherwise in place, where the question arose. */
  readonly modal?: boolean;
  /** Takes the cursor when the dialog opens; else its first focusable element does. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly role?: 'dialog' | 'alertdialog';
  readonly testId?: string;
  /** A modal's width: `wide` for a panel to read (快捷键), `normal` for a question. */
  readonly size?: 'normal' | 'wide';
  /** `data-*` attributes of the dialog, for tests. */
  readonly data?: Readonly<Record<`data-${string}`, string>>;
}

/**
 * A question or a small task on top of a screen: the cursor is trapped inside (Tab cycles), Esc
 * closes it, and on closing the cursor goes back where it was.
 */
export function Dialog({
  title,
  onClose,
  children,
  tone = 'primary',
  modal = false,
  initialFocus,
  role = 'dialog',
  testId,
  size = 'normal',
  data,
}: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = initialFocus?.current ?? (box.current ? focusableIn(box.current)[0] : undefined);
    first?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, [initialFocus]);

  const dialog = (
    <div
      ref={box}
      role={role}
      aria-modal={modal || undefined}
      aria-labelledby={titleId}
      data-testid={testId}
      {...data}
      onKeyDown={(event) => trapKeys(event, onClose)}
      className={`grid gap-2 rounded-md border-2 px-4 py-3 ${BOX_TONES[tone]} ${modal ? `w-full shadow-xl ${size === 'wide' ? 'max-w-2xl' : 'max-w-lg'}` : ''}`}
    >
      <p id={titleId} className="font-semibold">
        {title}
      </p>
      {children}
    </div>
  );
  if (!modal) return dialog;
  // A click on the dimmed screen around it closes it, as Esc does.
  return (
    <div
      className="fixed inset-0 z-50 grid place-items-center overflow-auto bg-ink/40 p-6"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      {dialog}
    </div>
  );
}

interface ConfirmProps {
  readonly title: ReactNode;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly busy?: boolean;
  readonly busyLabel?: string;
  readonly tone?: Tone;
  readonly modal?: boolean;
  readonly testId?: string;
}

/** 确定 / 取消 for an action that cannot simply be undone; the cursor starts on 确定. */
export function Confirm({
  title,
  children,
  confirmLabel,
  cancelLabel = UI_TEXT.cancel,
  onConfirm,
  onCancel,
  busy = false,
  busyLabel,
  tone = 'danger',
  modal,
  testId,
}: ConfirmProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} onClose={onCancel} tone={tone} modal={modal} initialFocus={confirmRef} role="alertdialog" testId={testId}>
      {children}
      <div className="flex gap-2">
        <Button ref={confirmRef} tone={tone === 'primary' ? 'primary' : 'danger'} size="small" disabled={busy} onClick={onConfirm}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </Button>
        <Button size="small" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </Dialog>
  );
}
