import { FieldList, SelectField } from '../../ui';
import { clinicCodeField, workstationField } from './setup-fields';
import type { StepProps } from './step-props';
import { SETUP_TEXT as T } from './text';
import { CLINIC_TIME_ZONES, type WizardDraft } from './wizard-draft';

export function ClinicStep({ draft, errors, onChange }: StepProps) {
  return (
    <div className="grid gap-5">
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
      <SelectField
        label={T.timeZone}
        path="clinic.timeZone"
        value={draft.timeZone}
        options={CLINIC_TIME_ZONES}
        onChange={(timeZone) => onChange({ ...draft, timeZone }, 'clinic.timeZone')}
        error={errors['clinic.timeZone']}
        hint={T.timeZoneHint}
        className="max-w-72"
        // Preset to Beijing time and rarely changed: Enter passes it by, Tab reaches it.
        data-enter-skip
      />
    </div>
  );
}
