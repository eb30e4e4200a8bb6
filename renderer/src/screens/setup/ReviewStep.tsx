import type { ReactNode } from 'react';
import { SETUP_TEXT as T } from './text';
import { CLINIC_TIME_ZONES, type WizardDraft, type WizardStep } from './wizard-draft';

interface ReviewStepProps {
  readonly draft: WizardDraft;
  readonly onEdit: (step: WizardStep) => void;
}

export function ReviewStep({ draft, onEdit }: ReviewStepProps) {
  const countyKey = draft.countyKey.trim();
  return (
    <div className="grid gap-5">
      <p className="text-ink-soft">{T.reviewIntro}</p>
      <ReviewSection title={T.steps.clinic} onEdit={() => onEdit('clinic')}>
        <ReviewLine label={T.clinicName} value={draft.clinicName} />
        <ReviewLine label={T.clinicCode} value={draft.clinicCode} />
        <ReviewLine label={T.countyKey} value={countyKey || T.countyKeyGenerated} />
        <ReviewLine label={T.workstationId} value={draft.workstationId} />
        <ReviewLine label={T.timeZone} value={CLINIC_TIME_ZONES.find((zone) => zone.value === draft.timeZone)?.label ?? draft.timeZone} />
      </ReviewSection>
      <ReviewSection title={T.steps.departments} onEdit={() => onEdit('departments')}>
        <ul className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-3">
          {draft.departments.map((row) => (
            <li key={row.key}>
              <span className="font-mono text-muted">{row.code}</span> {row.name}
              {row.outpatient && <span className="ml-1 text-sm text-primary">（{T.outpatient}）</span>}
            </li>
          ))}
        </ul>
      </ReviewSection>
      <ReviewSection title={T.steps.admin} onEdit={() => onEdit('admin')}>
        <ReviewLine label={T.adminUsername} value={draft.adminUsername} />
        <ReviewLine label={T.adminDisplayName} value={draft.adminDisplayName} />
        <ReviewLine label={T.adminPassword} value={T.passwordHidden} />
      </ReviewSection>
    </div>
  );
}

function ReviewSection({ title, onEdit, children }: { readonly title: string; readonly onEdit: () => void; readonly children: ReactNode }) {
  return (
    <section className="rounded-md border border-border-soft bg-surface-muted p-4">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="font-semibold">{title}</h3>
        <button type="button" onClick={onEdit} className="text-sm text-primary hover:underline">
          {T.change}
        </button>
      </div>
      {children}
    </section>
  );
}

function ReviewLine({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div className="flex gap-3 py-0.5">
      <span className="w-28 shrink-0 text-muted">{label}</span>
      <span className="break-all">{value}</span>
    </div>
  );
}
