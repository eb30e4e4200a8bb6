import { SelectField, TextField } from '../../ui';
import type { StepProps } from './step-props';
import { SETUP_TEXT as T } from './text';
import { CLINIC_TIME_ZONES } from './wizard-draft';

export function ClinicStep({ draft, errors, onChange }: StepProps) {
  return (
    <div className="grid gap-5">
      <TextField
        label={T.clinicName}
        path="clinic.name"
        value={draft.clinicName}
        onChange={(clinicName) => onChange({ ...draft, clinicName }, 'clinic.name')}
        error={errors['clinic.name']}
        hint={T.clinicNameHint}
        maxLength={60}
      />
      <TextField
        label={T.clinicCode}
        path="clinic.code"
        value={draft.clinicCode}
        // Codes are lower case; accept capitals as typed rather than reject them.
        onChange={(value) => onChange({ ...draft, clinicCode: value.toLowerCase() }, 'clinic.code')}
        error={errors['clinic.code']}
        hint={T.clinicCodeHint}
        maxLength={31}
        spellCheck={false}
        autoComplete="off"
      />
      <TextField
        label={T.countyKey}
        path="patientIdKey"
        optional
        value={draft.countyKey}
        onChange={(countyKey) => onChange({ ...draft, countyKey }, 'patientIdKey')}
        error={errors.patientIdKey}
        hint={T.countyKeyHint}
        inputClassName="font-mono"
        spellCheck={false}
        autoComplete="off"
      />
      <TextField
        label={T.workstationId}
        path="workstationId"
        value={draft.workstationId}
        onChange={(value) => onChange({ ...draft, workstationId: value.toUpperCase() }, 'workstationId')}
        error={errors.workstationId}
        hint={T.workstationIdHint}
        maxLength={8}
        inputClassName="max-w-48"
        spellCheck={false}
        autoComplete="off"
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
