/**
 * Checks a registration form and turns it into the fields of a patient document (and back).
 * Every problem is reported at once, each on its field, in the words the registrar needs; the
 * same rules apply to a new record and to an edit.
 */
import { ApiFailure, type FieldIssue, type PatientForm } from '../../../shared/api';
import type { PatientDoc } from '../../../shared/docs/patient';
import { checkIdAgainst, checkPhone, parseIsoDate, validateResidentId } from '../../../shared/identity';
import { numberKey } from '../../../shared/search/patient-keys';
import { loadCodeSets, loadDivisionIndex } from '../reference/code-sets';

/** The document fields a form decides (everything but id, type and the stamp). */
export type PatientFields = Omit<
  PatientDoc,
  '_id' | 'type' | 'schema_version' | 'clinic_code' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'merged_into'
>;

export interface CheckedPatient {
  readonly fields: PatientFields;
  /** The 18-character resident ID number when the document is a resident ID card or household register. */
  readonly residentId: string | null;
}

/** Document types that carry the 公民身份号码 (GB 11643): 居民身份证 and 居民户口簿. */
const RESIDENT_ID_TYPES = new Set(['01', '02']);

export function checkPatientForm(
  form: PatientForm,
  context: { readonly today: string; readonly feeCategories: ReadonlyArray<{ code: string }> },
): CheckedPatient {
  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  const codes = loadCodeSets();

  let birthDate = form.birthDate;
  let residentId: string | null = null;
  let idNumber: string | undefined;
  const idType = form.idType ?? (form.idNumber ? '01' : undefined);
  if (form.idType && !form.idNumber) issue('idNumber', '选了证件类型，请填写证件号码');
  if (form.idNumber && idType) {
    if (RESIDENT_ID_TYPES.has(idType)) {
      const parsed = validateResidentId(form.idNumber, { today: context.today });
      if (!parsed.ok) issue('idNumber', parsed.message);
      else {
        residentId = parsed.id18;
        idNumber = parsed.id18;
        const agreement = checkIdAgainst({ birthDate, sex: form.sex }, parsed);
        if (!agreement.ok) for (const m of agreement.mismatches) issue(m.field, m.message);
        birthDate ??= parsed.birthDate;
      }
    } else {
      idNumber = numberKey(form.idNumber);
      if (idNumber.length < 4) issue('idNumber', '证件号码太短，请对照证件核对');
    }
  }

  if (!birthDate) {
    // A wrong ID number is the thing to fix; the birth date then comes from it.
    if (!issues.some((i) => i.path === 'idNumber')) issue('birthDate', '请填写出生日期（有身份证号时可由号码读出）');
  } else {
    const date = parseIsoDate(birthDate);
    if (!date) issue('birthDate', '出生日期不存在，请检查年月日');
    else if (date.year < 1900) issue('birthDate', '出生日期早于 1900 年，请检查');
    else if (birthDate > context.today) issue('birthDate', '出生日期晚于今天，请检查');
  }

  if (form.ethnicity && !codes.ethnicities.some((e) => e.code === form.ethnicity)) issue('ethnicity', '没有这个民族代码，请从列表里选择');

  let phone: string | undefined;
  if (form.phone) {
    const checked = checkPhone(form.phone);
    if (checked.ok) phone = checked.normalized;
    else issue('phone', checked.message);
  }

  const divisionCode = form.address?.divisionCode;
  if (divisionCode && !loadDivisionIndex().get(divisionCode)) issue('address.divisionCode', '没有这个地区编码，请从列表里选择');

  if (form.insurance && !context.feeCategories.some((c) => c.code === form.insurance?.feeCategory)) {
    issue('insurance.feeCategory', '没有这个费别，请从列表里选择');
  }

  const contact = form.emergencyContact;
  let contactPhone: string | undefined;
  if (contact) {
    if (!codes.relationships.some((r) => r.code === contact.relationship)) issue('emergencyContact.relationship', '没有这个关系代码，请从列表里选择');
    if (contact.phone) {
      const checked = checkPhone(contact.phone);
      if (checked.ok) contactPhone = checked.normalized;
      else issue('emergencyContact.phone', checked.message);
    }
  }

  const cards = new Map<string, PatientDoc['cards'][number]>();
  form.cards.forEach((card, i) => {
    const number = numberKey(card.number);
    if (!/^[0-9A-Z]{4,64}$/.test(number)) issue(`cards.${i}.number`, '卡号只能是字母和数字，请核对');
    cards.set(`${card.kind}:${number}`, { kind: card.kind, number });
  });

  if (issues.length > 0) throw new ApiFailure('VALIDATION_FAILED', issues[0].message, issues);

  const fields: PatientFields = {
    name: form.name,
    sex: form.sex,
    birth_date: birthDate as string,
    ...(form.ethnicity ? { ethnicity: form.ethnicity } : {}),
    ...(idType && idNumber ? { id_type: idType, id_number: idNumber } : {}),
    ...(phone ? { phone } : {}),
    ...(form.occupation ? { occupation: form.occupation } : {}),
    ...(form.address && (form.address.detail || divisionCode)
      ? { address: { ...(divisionCode ? { division_code: divisionCode } : {}), detail: form.address.detail } }
      : {}),
    ...(form.insurance
      ? { insurance: { fee_category: form.insurance.feeCategory, ...(form.insurance.number ? { number: numberKey(form.insurance.number) } : {}) } }
      : {}),
    cards: [...cards.values()],
    allergies: form.allergies.map((a) => ({ substance: a.substance, ...(a.reaction ? { reaction: a.reaction } : {}) })),
    ...(contact ? { emergency_contact: { name: contact.name, relationship: contact.relationship, ...(contactPhone ? { phone: contactPhone } : {}) } } : {}),
  };
  return { fields, residentId };
}

/** A stored document as the form shows it. */
export function formOf(doc: PatientDoc): PatientForm {
  return {
    name: doc.name,
    sex: doc.sex,
    birthDate: doc.birth_date,
    ...(doc.ethnicity ? { ethnicity: doc.ethnicity } : {}),
    ...(doc.id_type ? { idType: doc.id_type } : {}),
    ...(doc.id_number ? { idNumber: doc.id_number } : {}),
    ...(doc.phone ? { phone: doc.phone } : {}),
    ...(doc.occupation ? { occupation: doc.occupation } : {}),
    ...(doc.address ? { address: { ...(doc.address.division_code ? { divisionCode: doc.address.division_code } : {}), detail: doc.address.detail } } : {}),
    ...(doc.insurance ? { insurance: { feeCategory: doc.insurance.fee_category, ...(doc.insurance.number ? { number: doc.insurance.number } : {}) } } : {}),
    cards: doc.cards.map((c) => ({ kind: c.kind, number: c.number })),
    allergies: doc.allergies.map((a) => ({ substance: a.substance, ...(a.reaction ? { reaction: a.reaction } : {}) })),
    ...(doc.emergency_contact
      ? {
          emergencyContact: {
            name: doc.emergency_contact.name,
            relationship: doc.emergency_contact.relationship,
            ...(doc.emergency_contact.phone ? { phone: doc.emergency_contact.phone } : {}),
          },
        }
      : {}),
  };
}
