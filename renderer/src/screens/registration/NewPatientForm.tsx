import { useState, type Ref } from 'react';
import { OCCUPATION_CHOICES } from '../../../../shared/clinical/occupations';
import type { OutputOf } from '../../../../shared/api';
import type { FieldErrors } from '../../forms/field-errors';
import { Button, SelectField, type SelectOption, TextField } from '../../ui';
import { AddressPicker } from './AddressPicker';
import { idNumberFeedback, idTypeUsesResidentNumber } from './id-number-check';
import { nameTooLong, normalizeBirthDate, PATIENT_NAME_MAX, withIdNumber, type AllergyDraft, type PatientDraft } from './patient-draft';
import { REG_TEXT } from './text';

const T = REG_TEXT.form;

interface NewPatientFormProps {
  readonly draft: PatientDraft;
  readonly onChange: (draft: PatientDraft, editedField: string) => void;
  readonly errors: FieldErrors;
  readonly codeSets: OutputOf<'clinic.codeSets'> | null;
  readonly feeCategories: OutputOf<'clinic.feeCategories'>;
  readonly fromCard: boolean;
  readonly nameRef: Ref<HTMLInputElement>;
}

const toOptions = (entries: ReadonlyArray<{ code: string; name: string }> | undefined): SelectOption[] =>
  (entries ?? []).map((e) => ({ value: e.code, label: e.name }));

/** 新建患者: every field the master index keeps, the ID number checked as it is typed. */
export function NewPatientForm({ draft, onChange, errors, codeSets, feeCategories, fromCard, nameRef }: NewPatientFormProps) {
  const [idLeft, setIdLeft] = useState(false);
  const set = (patch: Partial<PatientDraft>, field: string) => onChange({ ...draft, ...patch }, field);
  const checksId = idTypeUsesResidentNumber(draft.idType);
  const id = checksId ? idNumberFeedback(draft.idNumber, { final: idLeft }) : null;
  const idHint = id?.parsed ? (id.parsed.legacy ? T.idLegacy(id.parsed.id18) : T.idFilled) : (id?.hint ?? undefined);
  // The live check speaks first; a server message stays until the number is edited.
  const idError = id?.error ?? errors.idNumber;
  // Sex and birth date read from a valid ID number need no stop on Enter (data-enter-skip); Shift+Tab reaches them.
  const derived = id?.parsed ?? null;
  const skipSex = derived !== null && draft.sex === derived.sex ? { 'data-enter-skip': true } : {};
  const skipBirthDate = derived !== null && normalizeBirthDate(draft.birthDate) === derived.birthDate ? { 'data-enter-skip': true } : {};

  const setAllergy = (index: number, patch: Partial<AllergyDraft>, field: string) =>
    set({ allergies: draft.allergies.map((a, i) => (i === index ? { ...a, ...patch } : a)) }, `allergies.${index}.${field}`);

  return (
    <section data-testid="new-patient-form" className="grid gap-3">
      {fromCard && <p className="text-sm text-primary-strong">{REG_TEXT.patient.fromCard}</p>}
      <div className="grid grid-cols-[repeat(3,minmax(0,1fr))] gap-3">
        <TextField
          label={T.name}
          path="name"
          value={draft.name}
          onChange={(name) => set({ name }, 'name')}
          // Said as it is typed or read from a card: the input is not capped, so nothing is cut silently.
          error={nameTooLong(draft.name) ? T.nameTooLong(PATIENT_NAME_MAX, draft.name.trim().length) : errors.name}
          inputRef={nameRef}
          autoComplete="off"
        />
        <SelectField
          label={T.idType}
          path="idType"
          value={draft.idType}
          options={toOptions(codeSets?.idTypes)}
          onChange={(idType) => set({ idType }, 'idType')}
        />
        <TextField
          label={T.idNumber}
          path="idNumber"
          value={draft.idNumber}
          onChange={(text) => {
            setIdLeft(false);
            onChange(withIdNumber(draft, text), 'idNumber');
          }}
          onBlur={() => {
            setIdLeft(true);
            if (checksId && draft.idNumber.trim() !== '') onChange(withIdNumber(draft, draft.idNumber, true), 'idNumber.blur');
          }}
          error={idError}
          hint={idError ? undefined : idHint}
          optional
          maxLength={24}
          autoComplete="off"
          spellCheck={false}
          inputClassName="font-mono"
        />
        <SelectField
          label={T.sex}
          path="sex"
          value={draft.sex}
          options={toOptions(codeSets?.sexes)}
          placeholder={T.choose}
          onChange={(sex) => set({ sex }, 'sex')}
          error={errors.sex}
          {...skipSex}
        />
        <TextField
          label={T.birthDate}
          path="birthDate"
          value={draft.birthDate}
          onChange={(birthDate) => set({ birthDate }, 'birthDate')}
          onBlur={() => draft.birthDate !== '' && set({ birthDate: normalizeBirthDate(draft.birthDate) }, 'birthDate.blur')}
          error={errors.birthDate}
          hint={errors.birthDate ? undefined : T.birthDateHint}
          maxLength={12}
          autoComplete="off"
          inputClassName="font-mono"
          {...skipBirthDate}
        />
        <SelectField
          label={T.ethnicity}
          path="ethnicity"
          value={draft.ethnicity}
          options={toOptions(codeSets?.ethnicities)}
          placeholder={T.choose}
          optional
          onChange={(ethnicity) => set({ ethnicity }, 'ethnicity')}
          error={errors.ethnicity}
        />
        <TextField
          label={T.phone}
          path="phone"
          value={draft.phone}
          onChange={(phone) => set({ phone }, 'phone')}
          error={errors.phone}
          optional
          maxLength={30}
          autoComplete="off"
          inputClassName="font-mono"
        />
        <TextField
          label={T.occupation}
          path="occupation"
          value={draft.occupation}
          onChange={(occupation) => set({ occupation }, 'occupation')}
          error={errors.occupation}
          optional
          maxLength={20}
          list="occupation-choices"
          autoComplete="off"
        />
        <datalist id="occupation-choices">
          {OCCUPATION_CHOICES.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
        <SelectField
          label={T.feeCategory}
          path="insurance.feeCategory"
          value={draft.feeCategory}
          options={toOptions(feeCategories)}
          placeholder={T.choose}
          optional
          onChange={(feeCategory) => set({ feeCategory }, 'insurance.feeCategory')}
          error={errors['insurance.feeCategory']}
        />
        <TextField
          label={T.insuranceNumber}
          path="insurance.number"
          value={draft.insuranceNumber}
          onChange={(insuranceNumber) => set({ insuranceNumber }, 'insurance.number')}
          error={errors['insurance.number']}
          optional
          maxLength={40}
          autoComplete="off"
          inputClassName="font-mono"
        />
      </div>

      <fieldset className="grid gap-2">
        <legend className="mb-1 font-medium text-ink">
          {T.address}
          <span className="font-normal text-muted">（选填）</span>
        </legend>
        <AddressPicker
          divisionCode={draft.divisionCode}
          detail={draft.addressDetail}
          onDivisionChange={(divisionCode) => set({ divisionCode }, 'address.divisionCode')}
          onDetailChange={(addressDetail) => set({ addressDetail }, 'address.detail')}
          divisionError={errors['address.divisionCode']}
          detailError={errors['address.detail']}
        />
      </fieldset>

      <div className="grid grid-cols-[repeat(3,minmax(0,1fr))] gap-3">
        <TextField
          label={T.emergencyName}
          path="emergencyContact.name"
          value={draft.emergencyName}
          onChange={(emergencyName) => set({ emergencyName }, 'emergencyContact.name')}
          error={errors['emergencyContact.name']}
          optional
          maxLength={40}
          autoComplete="off"
        />
        <SelectField
          label={T.emergencyRelationship}
          path="emergencyContact.relationship"
          value={draft.emergencyRelationship}
          options={toOptions(codeSets?.relationships)}
          placeholder={T.choose}
          onChange={(emergencyRelationship) => set({ emergencyRelationship }, 'emergencyContact.relationship')}
          error={errors['emergencyContact.relationship']}
        />
        <TextField
          label={T.emergencyPhone}
          path="emergencyContact.phone"
          value={draft.emergencyPhone}
          onChange={(emergencyPhone) => set({ emergencyPhone }, 'emergencyContact.phone')}
          error={errors['emergencyContact.phone']}
          optional
          maxLength={30}
          autoComplete="off"
          inputClassName="font-mono"
        />
      </div>

      <div className="grid gap-2" data-testid="allergies">
        {draft.allergies.map((allergy, index) => (
          <div key={index} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-end gap-3">
            <TextField
              label={T.allergySubstance}
              path={`allergies.${index}.substance`}
              value={allergy.substance}
              onChange={(substance) => setAllergy(index, { substance }, 'substance')}
              error={errors[`allergies.${index}.substance`]}
              optional
              maxLength={60}
              autoComplete="off"
            />
            <TextField
              label={T.allergyReaction}
              path={`allergies.${index}.reaction`}
              value={allergy.reaction}
              onChange={(reaction) => setAllergy(index, { reaction }, 'reaction')}
              error={errors[`allergies.${index}.reaction`]}
              optional
              maxLength={120}
              autoComplete="off"
            />
            {draft.allergies.length > 1 ? (
              <Button onClick={() => set({ allergies: draft.allergies.filter((_, i) => i !== index) }, 'allergies')}>{T.removeAllergy}</Button>
            ) : (
              <span />
            )}
          </div>
        ))}
        <div>
          <Button onClick={() => set({ allergies: [...draft.allergies, { substance: '', reaction: '' }] }, 'allergies')}>{T.addAllergy}</Button>
        </div>
      </div>
      <p className="text-sm text-muted" data-testid="new-patient-keys">
        {T.enterHint}
      </p>
    </section>
  );
}
