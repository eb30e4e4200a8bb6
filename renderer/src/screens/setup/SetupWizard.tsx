import { useEffect, useReducer, useRef } from 'react';
import type { OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { missingCase } from '../../../../shared/missing-case';
import { APP_TEXT } from '../../app/text';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, type FieldErrors } from '../../forms/field-errors';
import { advanceOnEnter, focusFirstField } from '../../keyboard/enter-advances';
import { useKeymapScreen, useShortcuts } from '../../keyboard/use-shortcuts';
import { Button, ErrorBanner } from '../../ui';
import { AdminStep } from './AdminStep';
import { BackupRestoreScreen } from './backup-restore/BackupRestoreScreen';
import { BACKUP_RESTORE_TEXT } from './backup-restore/text';
import { ClinicStep } from './ClinicStep';
import { DepartmentsStep } from './DepartmentsStep';
import { JoinScreen } from './join/JoinScreen';
import { JOIN_TEXT } from './join/text';
import { RestoreScreen } from './RestoreScreen';
import { ReviewStep } from './ReviewStep';
import { StepIndicator } from './StepIndicator';
import { SETUP_TEXT as T } from './text';
import { checkStep, firstStepWithErrors, toSetupInput, WIZARD_STEPS, type WizardDraft, type WizardStep } from './wizard-draft';
import { initialWizardState, wizardReducer, type SetupPath } from './wizard-state';

interface SetupWizardProps {
  readonly onFinished: (result: OutputOf<'setup.initialize'>, keyWasGiven: boolean) => void;
  /** Another window finished setup first, or this PC was restored from the county: start over, which leads to login. */
  readonly onAlreadySetUp: () => void;
}

export function SetupWizard({ onFinished, onAlreadySetUp }: SetupWizardProps) {
  const client = useClient();
  const [state, dispatch] = useReducer(wizardReducer, undefined, initialWizardState);
  const { draft, step, errors, serverError, submitting, path, resumed } = state;
  const setStep = (target: WizardStep) => dispatch({ type: 'goTo', step: target });
  const setPath = (chosen: SetupPath) => dispatch({ type: 'choosePath', path: chosen });
  // A restore already running (the window was reloaded, or opened twice): show its progress.
  useEffect(() => {
    let live = true;
    void client.api.setup.restoreStatus({}).then((result) => {
      if (!live || !result.ok || result.value.state !== 'running') return;
      dispatch({ type: 'restoreRunning', status: result.value });
    });
    return () => {
      live = false;
    };
  }, [client]);
  const stepRef = useRef<HTMLDivElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  const stepIndex = WIZARD_STEPS.indexOf(step);

  // Each step starts with the cursor in its first field (the review step on its finish button).
  useEffect(() => {
    if (step === 'review') finishRef.current?.focus();
    else focusFirstField(stepRef.current);
  }, [step, path]);

  const goBack = () => {
    if (stepIndex > 0 && !submitting) setStep(WIZARD_STEPS[stepIndex - 1]);
  };

  useShortcuts({ 'setup.back': goBack }, { enabled: path === 'new' });
  useKeymapScreen(path === 'new' ? 'setup' : 'restore');

  const showErrors = (found: FieldErrors, onStep?: WizardStep) => {
    dispatch({ type: 'showErrors', errors: found, step: onStep });
    requestAnimationFrame(() => stepRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const goNext = () => {
    if (submitting) return;
    const found = checkStep(step, draft);
    if (hasFieldErrors(found)) {
      return showErrors(found, firstStepWithErrors(found) ?? undefined);
    }
    dispatch({ type: 'showErrors', errors: NO_FIELD_ERRORS });
    if (step === 'review') void submit();
    else setStep(WIZARD_STEPS[stepIndex + 1]);
  };

  const submit = async () => {
    dispatch({ type: 'submitStarted' });
    const input = toSetupInput(draft);
    const result = await client.api.setup.initialize(input);
    if (result.ok) {
      dispatch({ type: 'submitEnded' });
      return onFinished(result.value, input.patientIdKey !== undefined);
    }
    dispatch({ type: 'submitFailed', error: result.error });
    const found = fieldErrorsOf(result.error);
    const target = firstStepWithErrors(found);
    if (target) showErrors(found, target);
  };

  const onChange = (next: WizardDraft, ...paths: string[]) => {
    dispatch({ type: 'change', draft: next, paths });
  };

  if (path === 'restore') return <RestoreScreen resumed={resumed} onCancel={() => setPath('new')} onRestored={onAlreadySetUp} />;
  if (path === 'backup') return <BackupRestoreScreen onCancel={() => setPath('new')} onRestored={onAlreadySetUp} />;
  if (path === 'join') return <JoinScreen onCancel={() => setPath('new')} onJoined={onAlreadySetUp} />;

  return (
    <div className="min-h-full bg-canvas py-8">
      <div className="mx-auto max-w-3xl rounded-lg bg-surface shadow-sm">
        <header className="border-b border-border-soft px-8 pt-6 pb-4">
          <p className="text-sm text-muted">{APP_TEXT.productName}</p>
          <h1 className="text-2xl font-semibold">{T.title}</h1>
          <p className="mt-1 text-ink-soft">{T.intro}</p>
          {step === 'clinic' && (
            <div className="mt-3 flex flex-wrap gap-2" data-testid="setup-paths">
              <Button tone="primary" aria-pressed="true">
                {T.pathNew}
              </Button>
              <Button onClick={() => setPath('join')} disabled={submitting}>
                {JOIN_TEXT.pathJoin}
              </Button>
              <Button onClick={() => setPath('backup')} disabled={submitting}>
                {BACKUP_RESTORE_TEXT.pathBackup}
              </Button>
              {/* Last, so Shift+Tab from the form's first field reaches it (the restore form's keyboard path). */}
              <Button onClick={() => setPath('restore')} disabled={submitting}>
                {T.pathRestore}
              </Button>
            </div>
          )}
          <StepIndicator current={step} />
        </header>

        <div className="grid gap-4 px-8 py-6">
          {serverError && (
            <div className="grid gap-2">
              <ErrorBanner error={serverError} onDismiss={() => dispatch({ type: 'dismissError' })} />
              {serverError.code === 'ALREADY_SET_UP' && (
                <div>
                  <Button tone="primary" onClick={onAlreadySetUp}>
                    {T.goToLogin}
                  </Button>
                </div>
              )}
            </div>
          )}
          <h2 className="text-lg font-semibold" data-testid="wizard-step-title">
            {T.stepOf(stepIndex + 1, WIZARD_STEPS.length)}：{T.steps[step]}
          </h2>
          <div ref={stepRef} data-step={step} onKeyDown={(event) => advanceOnEnter(event, goNext)}>
            {renderStep()}
          </div>
        </div>

        <footer className="flex items-center gap-3 border-t border-border-soft px-8 py-4">
          {stepIndex > 0 && (
            <Button onClick={goBack} disabled={submitting}>
              {T.back}
            </Button>
          )}
          <span className="flex-1 text-sm text-muted">{submitting ? T.finishing : T.keyboardHint}</span>
          <Button tone="primary" ref={finishRef} onClick={goNext} disabled={submitting}>
            {step === 'review' ? T.finish : T.next}
          </Button>
        </footer>
      </div>
    </div>
  );

  function renderStep() {
    const props = { draft, errors, onChange };
    switch (step) {
      case 'clinic':
        return <ClinicStep {...props} />;
      case 'departments':
        return <DepartmentsStep {...props} />;
      case 'admin':
        return <AdminStep {...props} />;
      case 'review':
        return <ReviewStep draft={draft} onEdit={setStep} />;
      default:
        return missingCase(step);
    }
  }
}
