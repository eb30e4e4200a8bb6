import { useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../../shared/api';
import { Button, Dialog, ErrorBanner, KeyboardForm, TextField } from '../../../ui';
import { pinProblem } from './pin-form';
import { SIGNING_TEXT as T } from './text';

interface SigningPinDialogProps<V> {
  /** What is being signed, e.g. “签名：门诊病历（王芳）”. */
  readonly title: string;
  /** The call to make with the PIN: `signing.sign`, `signing.countersign`, `amendments.create` … */
  readonly submit: (pin: string) => Promise<ApiResult<V>>;
  readonly onSigned: (value: V) => void;
  readonly onCancel: () => void;
  readonly confirmLabel?: string;
}

/**
 * Asks for the signing PIN and makes the signing call with it. Enter signs, Esc cancels. A wrong PIN
 * (with the tries left), a lock or a missing key is said in the dialog, and the PIN is cleared; the
 * PIN is never kept after the dialog closes.
 */
export function SigningPinDialog<V>({ title, submit, onSigned, onCancel, confirmLabel = T.pin.sign }: SigningPinDialogProps<V>) {
  const [pin, setPin] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const sign = async () => {
    if (busy) return;
    const problem = pinProblem(pin);
    setFieldError(problem);
    if (problem) return input.current?.focus();
    setBusy(true);
    const result = await submit(pin);
    setBusy(false);
    if (result.ok) return onSigned(result.value);
    setPin('');
    setError(result.error);
    input.current?.focus();
  };

  return (
    <Dialog title={title} onClose={onCancel} modal initialFocus={input} testId="signing-pin-dialog">
      <KeyboardForm onSubmit={() => void sign()} className="grid gap-3">
        <TextField
          label={T.pin.label}
          hint={T.pin.hint}
          path="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={pin}
          onChange={(value) => setPin(value.replace(/\D/g, ''))}
          error={fieldError ?? undefined}
          inputRef={input}
        />
        <ErrorBanner error={error} />
        <div className="flex gap-2">
          <Button type="submit" tone="primary" disabled={busy} data-testid="signing-pin-submit">
            {busy ? T.pin.signing : confirmLabel}
          </Button>
          <Button onClick={onCancel}>{T.pin.cancel}</Button>
        </div>
      </KeyboardForm>
    </Dialog>
  );
}
