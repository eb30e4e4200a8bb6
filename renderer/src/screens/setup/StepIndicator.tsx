import { SETUP_TEXT as T } from './text';
import { WIZARD_STEPS, type WizardStep } from './wizard-draft';

export function StepIndicator({ current }: { readonly current: WizardStep }) {
  const currentIndex = WIZARD_STEPS.indexOf(current);
  return (
    <ol className="mt-4 flex gap-2">
      {WIZARD_STEPS.map((step, index) => {
        const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
        return (
          <li
            key={step}
            aria-current={state === 'current' ? 'step' : undefined}
            className={`flex flex-1 items-center gap-2 rounded-md px-3 py-2 text-sm ${
              state === 'current' ? 'bg-primary text-on-primary' : state === 'done' ? 'bg-primary-soft text-primary-strong' : 'bg-canvas text-muted'
            }`}
          >
            <span className="font-semibold">{index + 1}</span>
            <span>{T.steps[step]}</span>
          </li>
        );
      })}
    </ol>
  );
}
