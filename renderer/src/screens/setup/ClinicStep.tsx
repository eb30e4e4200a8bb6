import { FieldList } from '../../ui';
import { clinicCodeField, workstationField } from './setup-fields';
import type { StepProps } from './step-props';
import { SETUP_TEXT as T } from './text';
import type { WizardDraft } from './wizard-draft';

export function ClinicStep({ draft, errors, onChange }: StepProps) {
  return (
    <FieldList<WizardDraft>
      draft={draft}
      errors={errors}
      onChange={onChange}
      fields={[
        { name: 'clinicName', path: 'clinic.name', label: T.clinicName, hint: T.clinicNameHint, input: { maxLength: 60 } },
        clinicCodeField('clinicCode', 'clinic.code', T.clinicCodeHint),
        {
          name: 'countyKey',
          path: 'patientIdKey',
          label: T.countyKey,
          hint: T.countyKeyHint,
          optional: true,
          inputClassName: 'font-mono',
          input: { spellCheck: false, autoComplete: 'off' },
        },
        workstationField('workstationId', T.workstationIdHint),
      ]}
    />
  );
}
