import { useCallback, useEffect, useState } from 'react';
import type { ApiError, SigningStatusView } from '../../../../../shared/api';
import { useClient } from '../../../app/client-context';
import { Button, ErrorBanner, KeyboardForm, Panel, StatusLine, TextField, useForm } from '../../../ui';
import { clinicTime } from './badge-view';
import { newPinProblems, pinProblem } from './pin-form';
import { SIGNING_TEXT as T } from './text';

interface PinDraft {
  readonly old: string;
  readonly pin: string;
  readonly again: string;
}
const EMPTY: PinDraft = { old: '', pin: '', again: '' };
const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, 12);

/**
 * 我的签名 PIN: the logged-in clinician sets a signing PIN on this PC (which makes their key pair
 * here) or changes it. Shown in the 门诊 section, where clinicians work: the key is theirs and this
 * PC's, not an administrator's matter.
 */
export function SigningPinPanel() {
  const client = useClient();
  const [status, setStatus] = useState<SigningStatusView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const form = useForm<PinDraft>(EMPTY);

  const load = useCallback(async () => {
    const result = await client.api.signing.status({});
    if (result.ok) setStatus(result.value);
    else setLoadError(result.error);
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);

  const hasKey = status?.hasKey ?? false;
  const pinField = (path: keyof PinDraft, label: string) => (
    <TextField
      {...form.text(path)}
      onChange={(value) => form.edit({ [path]: digitsOnly(value) }, path)}
      label={label}
      type="password"
      inputMode="numeric"
      autoComplete="off"
    />
  );

  const save = async () => {
    const oldProblem = hasKey ? pinProblem(form.draft.old) : null;
    const errors = { ...(oldProblem ? { old: oldProblem } : {}), ...newPinProblems(form.draft) };
    if (Object.keys(errors).length > 0) return form.showErrors(errors);
    form.dispatch({ type: 'saveStarted' });
    const result = hasKey
      ? await client.api.signing.changePin({ oldPin: form.draft.old, newPin: form.draft.pin })
      : await client.api.signing.setPin({ pin: form.draft.pin });
    if (!result.ok) {
      // A wrong old PIN counts towards the lock: show the tries left.
      void load();
      return form.saveFailed(result.error, {});
    }
    setStatus(result.value);
    form.dispatch({ type: 'saved', draft: EMPTY, notice: hasKey ? T.panel.changeDone : T.panel.setDone });
  };

  return (
    <Panel title={T.panel.title} testId="signing-pin-panel">
      <ErrorBanner error={loadError} />
      {status && <p className="text-ink-soft">{hasKey ? T.panel.hasKey : T.panel.noKey}</p>}
      <p className="text-sm text-muted">{T.panel.keyHere}</p>
      {status?.lockedUntil && <StatusLine tone="warning">{T.panel.locked(clinicTime(status.lockedUntil))}</StatusLine>}
      {status && !status.lockedUntil && hasKey && status.attemptsLeft < 5 && (
        <StatusLine tone="warning">{T.panel.attemptsLeft(status.attemptsLeft)}</StatusLine>
      )}
      {form.notice && <StatusLine tone="success">{form.notice}</StatusLine>}
      <ErrorBanner error={form.error} onDismiss={() => form.dispatch({ type: 'dismissError' })} />
      {status && (
        <KeyboardForm ref={form.formRef} onSubmit={() => void save()} className="grid max-w-sm gap-field">
          {hasKey && pinField('old', T.panel.oldPin)}
          {pinField('pin', T.panel.newPin)}
          {pinField('again', T.panel.newPinAgain)}
          <div>
            <Button type="submit" tone="primary" disabled={form.saving} data-testid="signing-pin-save">
              {form.saving ? T.panel.saving : hasKey ? T.panel.change : T.panel.set}
            </Button>
          </div>
        </KeyboardForm>
      )}
    </Panel>
  );
}
