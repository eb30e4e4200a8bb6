import type { PatientForm } from '../../../../shared/api';
import { EMPTY_PATIENT_DRAFT, type PatientDraft } from './patient-draft';

export type DraftField = keyof PatientDraft;

/** A record on file, as the patient form shows it: strings throughout, '' for "not given". */
export function draftFromForm(form: PatientForm): PatientDraft {
  return {
    ...EMPTY_PATIENT_DRAFT,
    name: form.name,
    idType: form.idType ?? (form.idNumber ? '01' : EMPTY_PATIENT_DRAFT.idType),
    idNumber: form.idNumber ?? '',
    sex: form.sex,
    birthDate: form.birthDate ?? '',
    ethnicity: form.ethnicity ?? '',
    phone: form.phone ?? '',
    occupation: form.occupation ?? '',
    divisionCode: form.address?.divisionCode ?? '',
    addressDetail: form.address?.detail ?? '',
    feeCategory: form.insurance?.feeCategory ?? '',
    insuranceNumber: form.insurance?.number ?? '',
    emergencyName: form.emergencyContact?.name ?? '',
    emergencyRelationship: form.emergencyContact?.relationship ?? '',
    emergencyPhone: form.emergencyContact?.phone ?? '',
    allergies: form.allergies.length > 0 ? form.allergies.map((a) => ({ substance: a.substance, reaction: a.reaction ?? '' })) : EMPTY_PATIENT_DRAFT.allergies,
    cards: form.cards.map((c) => ({ kind: c.kind, number: c.number })),
  };
}

const FIELDS = Object.keys(EMPTY_PATIENT_DRAFT) as DraftField[];

/** The fields that differ between two drafts (arrays compared by content). */
export function changedFields(before: PatientDraft, after: PatientDraft): DraftField[] {
  return FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * After a conflict: the latest record with the registrar's own edits laid over it, field by field.
 * Fields the registrar did not touch keep the other workstation's values.
 */
export function reapplyEdits(latest: PatientDraft, original: PatientDraft, mine: PatientDraft): PatientDraft {
  const out: Record<string, unknown> = { ...latest };
  for (const field of changedFields(original, mine)) out[field] = mine[field];
  return out as unknown as PatientDraft;
}
