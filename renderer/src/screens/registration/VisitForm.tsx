import type { Ref } from 'react';
import type { OutputOf } from '../../../../shared/api';
import { returnVisitRule } from '../../../../shared/codes/visit-rules';
import type { FieldErrors } from '../../forms/field-errors';
import { advanceOnEnter } from '../../keyboard/enter-advances';
import { Button, SelectField } from '../../ui';
import { REG_TEXT } from './text';
import { VISIT_TYPES, type VisitDraft } from './visit-draft';

const T = REG_TEXT.visit;

interface VisitFormProps {
  readonly draft: VisitDraft;
  readonly onChange: (patch: Partial<VisitDraft>, field: keyof VisitDraft) => void;
  readonly errors: FieldErrors;
  readonly departments: OutputOf<'admin.listDepartments'>;
  readonly doctors: OutputOf<'clinic.doctors'>;
  readonly feeCategories: OutputOf<'clinic.feeCategories'>;
  readonly submitting: boolean;
  readonly onSubmit: () => void;
  readonly departmentRef: Ref<HTMLSelectElement>;
}

/** 挂号信息: department (its code typed selects it), doctor, 初诊/复诊/急诊, fee category; Enter on the last registers. */
export function VisitForm({ draft, onChange, errors, departments, doctors, feeCategories, submitting, onSubmit, departmentRef }: VisitFormProps) {
  const doctorsHere = doctors.filter(
    (d) => draft.departmentCode !== '' && (d.departmentCodes.length === 0 || d.departmentCodes.includes(draft.departmentCode)),
  );
  return (
    <form
      noValidate
      data-testid="visit-form"
      aria-label={T.title}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={(event) => advanceOnEnter(event, onSubmit)}
      className="grid gap-3"
    >
      <SelectField
        label={T.department}
        path="departmentCode"
        value={draft.departmentCode}
        options={departments.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))}
        placeholder={T.departmentRequired}
        onChange={(departmentCode) => onChange({ departmentCode, doctorUsername: '' }, 'departmentCode')}
        error={errors.departmentCode}
        selectRef={departmentRef}
      />
      <SelectField
        label={T.doctor}
        path="doctorUsername"
        value={draft.doctorUsername}
        options={doctorsHere.map((d) => ({ value: d.username, label: d.displayName }))}
        placeholder={T.anyDoctor}
        onChange={(doctorUsername) => onChange({ doctorUsername }, 'doctorUsername')}
        error={errors.doctorUsername}
      />
      <SelectField
        label={T.visitType}
        path="visitType"
        value={draft.visitType}
        options={VISIT_TYPES.map((v) => ({ value: v.value, label: v.label }))}
        onChange={(visitType) => onChange({ visitType: visitType as VisitDraft['visitType'] }, 'visitType')}
        error={errors.visitType}
      />
      <p className="text-sm text-muted" data-testid="visit-type-rule">
        {returnVisitRule()}
      </p>
      <SelectField
        label={T.feeCategory}
        path="feeCategory"
        value={draft.feeCategory}
        options={feeCategories.map((f) => ({ value: f.code, label: f.name }))}
        placeholder={T.feeCategoryRequired}
        onChange={(feeCategory) => onChange({ feeCategory }, 'feeCategory')}
        error={errors.feeCategory}
      />
      <Button tone="primary" type="submit" disabled={submitting} className="py-3 text-lg">
        {submitting ? T.submitting : T.submit}
      </Button>
    </form>
  );
}
