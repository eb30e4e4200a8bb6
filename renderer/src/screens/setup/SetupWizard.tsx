import { useEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { missingCase } from '../../app/missing-case';
import { APP_TEXT } from '../../app/text';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { advanceOnEnter, focusFirstField } from '../../keyboard/enter-advances';
import { useKeymapScreen, useShortcuts } from '../../keyboard/use-shortcuts';
import { AdminStep } from './AdminStep';
import { ClinicStep } from './ClinicStep';
import { DepartmentsStep } from './DepartmentsStep';
import type { RestoreStatus } from './restore-draft';
import { RestoreScreen } from './RestoreScreen';
import { ReviewStep } from './ReviewStep';
import { StepIndicator } from './StepIndicator';
import { SETUP_TEXT as T } from './text';
import { checkStep, firstStepWithErrors, initialDraft, toSetupInput, WIZARD_STEPS, type WizardDraft, type WizardStep } from './wizard-draft';

interface SetupWizardProps {
  readonly onFinished: (result: OutputOf<'setup.initialize'>, keyWasGiven: boolean) => void;
  /** Another window finished setup first, or this PC was restored from the county: start over, which leads to login. */
  readonly onAlreadySetUp: () => void;
}

export function SetupWizard({ onFinished, onAlreadySetUp }: SetupWizardProps) {
  const client = useClient();
  const [draft, setDraft] = useState<WizardDraft>(initialDraft);
  const [step, setStep] = useState<WizardStep>('clinic');
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** A new clinic (the default), or a replacement PC restored from the county. */
  const [path, setPath] = useState<'new' | 'restore'>('new');
  // A restore already running (the window was reloaded, or opened twice): show its progress.
  const [resumed, setResumed] = useState<RestoreStatus | null>(null);
  useEffect(() => {
    let live = true;
    void client.api.setup.restoreStatus({}).then((result) => {
      if (!live || !result.ok || result.value.state !== 'running') return;
      setResumed(result.value);
      setPath('restore');
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

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => stepRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const goNext = () => {
    if (submitting) return;
    const found = checkStep(step, draft);
    if (hasFieldErrors(found)) {
      const target = firstStepWithErrors(found);
      if (target && target !== step) setStep(target);
      return showErrors(found);
    }
    setErrors(NO_FIELD_ERRORS);
    if (step === 'review') void submit();
    else setStep(WIZARD_STEPS[stepIndex + 1]);
  };

  const submit = async () => {
    setSubmitting(true);
    setServerError(null);
    const input = toSetupInput(draft);
    const result = await client.api.setup.initialize(input);
    setSubmitting(false);
    if (result.ok) return onFinished(result.value, input.patientIdKey !== undefined);
    setServerError(result.error);
    const found = fieldErrorsOf(result.error);
    const target = firstStepWithErrors(found);
    if (target) {
      setStep(target);
      showErrors(found);
    }
  };

  const onChange = (next: WizardDraft, ...paths: string[]) => {
    setDraft(next);
    setErrors((current) => paths.reduce(withoutField, current));
  };

  if (path === 'restore') return <RestoreScreen resumed={resumed} onCancel={() => setPath('new')} onRestored={onAlreadySetUp} />;

  return (
    <div className="min-h-full bg-slate-100 py-8">
      <div className="mx-auto max-w-3xl rounded-lg bg-white shadow-sm">
        <header className="border-b border-slate-200 px-8 pt-6 pb-4">
          <p className="text-sm text-slate-500">{APP_TEXT.productName}</p>
          <h1 className="text-2xl font-semibold">{T.title}</h1>
          <p className="mt-1 text-slate-600">{T.intro}</p>
          {step === 'clinic' && (
            <div className="mt-3 flex flex-wrap gap-2" data-testid="setup-paths">
              <Button tone="primary" aria-pressed="true">
                {T.pathNew}
              </Button>
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
              <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />
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

        <footer className="flex items-center gap-3 border-t border-slate-200 px-8 py-4">
          {stepIndex > 0 && (
            <Button onClick={goBack} disabled={submitting}>
              {T.back}
            </Button>
          )}
          <span className="flex-1 text-sm text-slate-500">{submitting ? T.finishing : T.keyboardHint}</span>
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
