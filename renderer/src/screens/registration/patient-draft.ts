import { patientForm, type InputOf } from '../../../../shared/api';
import type { CardHolderView } from '../../../../shared/api/devices';
import { chinaDateOf, parseIsoDate } from '../../../../shared/identity/dates';
import { checkPhone } from '../../../../shared/identity/phone';
import { checkIdAgainst } from '../../../../shared/identity/resident-id';
import type { FieldErrors } from '../../forms/field-errors';
import { idNumberFeedback, idTypeUsesResidentNumber } from './id-number-check';
import { REG_TEXT } from './text';

const T = REG_TEXT.form;

export type PatientFormInput = InputOf<'patients.register'>['patient'];
type CardKind = NonNullable<PatientFormInput['cards']>[number]['kind'];

export interface AllergyDraft {
  readonly substance: string;
  readonly reaction: string;
}

/** The new-patient form as typed: strings throughout, '' for "not given". */
export interface PatientDraft {
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly ethnicity: string;
  readonly phone: string;
  /** 职业, for the 门诊日志 (free text; common choices offered). */
  readonly occupation: string;
  /** The finest division chosen in the address picker (2, 4, 6 or 9 digits), or ''. */
  readonly divisionCode: string;
  readonly addressDetail: string;
  readonly feeCategory: string;
  readonly insuranceNumber: string;
  readonly emergencyName: string;
  readonly emergencyRelationship: string;
  readonly emergencyPhone: string;
  readonly allergies: ReadonlyArray<AllergyDraft>;
  /** Cards read for this patient: kept on the record so the next read finds it. */
  readonly cards: ReadonlyArray<{ readonly kind: CardKind; readonly number: string }>;
}

export const EMPTY_PATIENT_DRAFT: PatientDraft = {
  name: '',
  idType: '01',
  idNumber: '',
  sex: '',
  birthDate: '',
  ethnicity: '',
  phone: '',
  occupation: '',
  divisionCode: '',
  addressDetail: '',
  feeCategory: '',
  insuranceNumber: '',
  emergencyName: '',
  emergencyRelationship: '',
  emergencyPhone: '',
  allergies: [{ substance: '', reaction: '' }],
  cards: [],
};

/** The master index's limit (the contract's patient form says it): a longer name is refused, never cut. */
export const PATIENT_NAME_MAX = patientForm.shape.name.maxLength ?? 40;

/** Counted as the contract counts it (UTF-16 units of the trimmed name). */
export const nameTooLong = (name: string): boolean => name.trim().length > PATIENT_NAME_MAX;

/** A card read fills everything the card knows. */
export function draftFromCard(card: CardHolderView): PatientDraft {
  return {
    ...EMPTY_PATIENT_DRAFT,
    name: card.name,
    idType: '01',
    idNumber: card.idNumber,
    sex: card.sex,
    birthDate: card.birthDate,
    ethnicity: card.ethnicity ?? '',
    phone: card.phone ?? '',
    divisionCode: card.addressDivisionCode ?? card.divisionCode ?? '',
    addressDetail: card.addressDetail ?? card.address ?? '',
    feeCategory: card.suggestedFeeCategory ?? '',
    insuranceNumber: card.insuranceNumber ?? '',
    cards: [{ kind: card.cardKind, number: card.cardNumber }],
  };
}

/** What was typed in the search box, carried into the new form where it obviously belongs. */
export function draftFromSearch(query: string): PatientDraft {
  const text = query.trim();
  if (/^[\u3400-\u9fff·]{1,20}$/.test(text)) return { ...EMPTY_PATIENT_DRAFT, name: text };
  if (/^\d{17}[\dXx]$|^\d{15}$/.test(text)) return withIdNumber(EMPTY_PATIENT_DRAFT, text);
  if (/^1[3-9]\d{9}$/.test(text)) return { ...EMPTY_PATIENT_DRAFT, phone: text };
  return EMPTY_PATIENT_DRAFT;
}

/** Sets the ID number, and the birth date and sex it states once it is whole and valid. */
export function withIdNumber(draft: PatientDraft, idNumber: string, final = false): PatientDraft {
  if (!idTypeUsesResidentNumber(draft.idType)) return { ...draft, idNumber };
  const { parsed } = idNumberFeedback(idNumber, { final });
  if (parsed === null) return { ...draft, idNumber };
  return { ...draft, idNumber: final ? parsed.id18 : idNumber, birthDate: parsed.birthDate, sex: parsed.sex };
}

/** `19560314`, `1956/3/14`, `1956.3.14` → `1956-03-14`; anything else is returned as typed. */
export function normalizeBirthDate(text: string): string {
  const trimmed = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const loose = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(trimmed);
  if (loose) return `${loose[1]}-${loose[2].padStart(2, '0')}-${loose[3].padStart(2, '0')}`;
  return trimmed;
}

/**
 * The checks the screen can make before sending: each wrong field gets its message, keyed by the
 * contract path. The server checks again (and more: duplicates, codes).
 */
export function checkPatientDraft(draft: PatientDraft, today: string = chinaDateOf(new Date())): FieldErrors {
  const errors: Record<string, string> = {};
  if (draft.name.trim() === '') errors.name = T.nameRequired;
  else if (nameTooLong(draft.name)) errors.name = T.nameTooLong(PATIENT_NAME_MAX, draft.name.trim().length);
  if (draft.sex === '') errors.sex = T.sexRequired;

  const birthDate = normalizeBirthDate(draft.birthDate);
  if (birthDate === '') errors.birthDate = T.birthDateRequired;
  else if (parseIsoDate(birthDate) === null) errors.birthDate = /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? T.birthDateMissingDay(birthDate) : T.birthDateBad;
  else if (birthDate > today) errors.birthDate = T.birthDateFuture;

  if (draft.idNumber.trim() !== '' && idTypeUsesResidentNumber(draft.idType)) {
    const id = idNumberFeedback(draft.idNumber, { final: true, today });
    if (id.error !== null) errors.idNumber = id.error;
    if (id.parsed !== null) {
      const agreement = checkIdAgainst({ birthDate, sex: draft.sex }, id.parsed);
      if (!agreement.ok) for (const mismatch of agreement.mismatches) errors[mismatch.field] ??= mismatch.message;
    }
  }
  if (draft.phone.trim() !== '') {
    const phone = checkPhone(draft.phone);
    if (!phone.ok) errors.phone = phone.message;
  }
  if (draft.divisionCode !== '' && draft.divisionCode.length < 6) errors['address.divisionCode'] = T.addressTooCoarse;
  if (draft.emergencyName.trim() !== '' && draft.emergencyRelationship === '') errors['emergencyContact.relationship'] = T.emergencyRelationshipRequired;
  if (draft.emergencyPhone.trim() !== '') {
    const phone = checkPhone(draft.emergencyPhone);
    if (!phone.ok) errors['emergencyContact.phone'] = phone.message;
  }
  return errors;
}

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/**
 * The contract's patient form; empty parts are left out rather than sent as ''. An insurance number
 * without a chosen category takes the visit's fee category (a card read gives the number only).
 */
export function toPatientForm(draft: PatientDraft, visitFeeCategory = ''): PatientFormInput {
  const feeCategory = draft.feeCategory || (draft.insuranceNumber.trim() === '' ? '' : visitFeeCategory);
  const usesResident = idTypeUsesResidentNumber(draft.idType);
  const idParsed = usesResident ? idNumberFeedback(draft.idNumber, { final: true }).parsed : null;
  const detail = draft.addressDetail.trim();
  const division = draft.divisionCode.length >= 6 ? draft.divisionCode : undefined;
  const phone = given(draft.phone);
  const phoneChecked = phone === undefined ? null : checkPhone(phone);
  return {
    name: draft.name.trim(),
    sex: draft.sex as PatientFormInput['sex'],
    birthDate: given(normalizeBirthDate(draft.birthDate)),
    ethnicity: given(draft.ethnicity),
    idType: draft.idNumber.trim() === '' ? undefined : ((draft.idType || '01') as PatientFormInput['idType']),
    idNumber: idParsed?.id18 ?? given(draft.idNumber),
    phone: phoneChecked?.ok ? phoneChecked.normalized : phone,
    occupation: given(draft.occupation),
    address: division === undefined && detail === '' ? undefined : { divisionCode: division, detail },
    insurance: feeCategory === '' ? undefined : { feeCategory, number: given(draft.insuranceNumber) },
    cards: [...draft.cards],
    allergies: draft.allergies.filter((a) => a.substance.trim() !== '').map((a) => ({ substance: a.substance.trim(), reaction: given(a.reaction) })),
    emergencyContact:
      draft.emergencyName.trim() === ''
        ? undefined
        : { name: draft.emergencyName.trim(), relationship: draft.emergencyRelationship, phone: given(draft.emergencyPhone) },
  };
}

/** Server field paths come under `patient.`; the form's fields are named without it. */
export function patientFieldErrors(errors: FieldErrors): FieldErrors {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[path.startsWith('patient.') ? path.slice('patient.'.length) : path] = message;
  return out;
}
