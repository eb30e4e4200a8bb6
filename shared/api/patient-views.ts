/**
 * Shapes the patient methods exchange with the registration screen. Field names are the screen's
 * (camelCase); the services map them to and from the stored documents (snake_case, shared/docs).
 */
import { z } from 'zod';
import { isoDate, isoTimestamp } from '../docs/base';
import { encounterStatus, visitType } from '../docs/encounter';
import { cardKind, idDocumentType, occupation, sexCode } from '../docs/patient';

/** What the registrar fills in for a new patient or an edit. The service checks codes and the ID number. */
export const patientForm = z
  .object({
    name: z.string().trim().min(1, '请填写姓名').max(40, '姓名不超过 40 个字'),
    sex: sexCode,
    /** May be left out when a resident ID number is given: it is read from the number. */
    birthDate: isoDate.optional(),
    ethnicity: z
      .string()
      .regex(/^\d{2}$/, '请从列表里选择民族')
      .optional(),
    idType: idDocumentType.optional(),
    idNumber: z.string().trim().min(1).max(40, '证件号码不超过 40 位').optional(),
    phone: z.string().trim().min(1).max(30, '电话号码太长').optional(),
    occupation: occupation.optional(),
    address: z
      .object({
        divisionCode: z
          .string()
          .regex(/^\d{6}(\d{3})?$/, '请从列表里选择地址')
          .optional(),
        detail: z.string().trim().max(120, '详细地址不超过 120 个字'),
      })
      .strict()
      .optional(),
    insurance: z
      .object({ feeCategory: z.string().min(1, '请选择费别'), number: z.string().trim().min(1).max(40, '医保号不超过 40 位').optional() })
      .strict()
      .optional(),
    cards: z
      .array(z.object({ kind: cardKind, number: z.string().trim().min(1, '请填写卡号').max(64, '卡号太长') }).strict())
      .max(10)
      .default([]),
    allergies: z
      .array(z.object({ substance: z.string().trim().min(1, '请填写过敏物').max(60), reaction: z.string().trim().max(120).optional() }).strict())
      .max(20)
      .default([]),
    emergencyContact: z
      .object({
        name: z.string().trim().min(1, '请填写联系人姓名').max(40),
        relationship: z.string().regex(/^\d{1,2}$/, '请从列表里选择与患者的关系'),
        phone: z.string().trim().min(1).max(30).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type PatientForm = z.output<typeof patientForm>;

/** Which search key a hit came from, so the list can say why a patient is shown. */
export const matchedKey = z.enum([
  'name',
  'pinyin_initials',
  'pinyin_full',
  'id_number',
  'id_number_suffix',
  'phone',
  'phone_suffix',
  'card',
  'insurance_number',
  'visit_number',
  'patient_id',
]);
export type MatchedKey = z.infer<typeof matchedKey>;

export const lastVisitView = z.object({
  date: isoDate,
  departmentCode: z.string(),
  departmentName: z.string(),
  visitNumber: z.string(),
});

/** One line of a search result or duplicate list: enough to recognise the person, nothing more. */
export const patientHit = z.object({
  id: z.string(),
  name: z.string(),
  sex: sexCode,
  sexLabel: z.string(),
  birthDate: isoDate,
  /** Whole years; `ageText` is what to show (`3岁2个月` for small children). */
  age: z.number().int().nonnegative(),
  ageText: z.string(),
  /** ID number with the birth date hidden (`110105********002X`), or null. */
  idNumberMasked: z.string().nullable(),
  /** Phone with the middle hidden (`138****5678`), or null. */
  phoneMasked: z.string().nullable(),
  /** Where the patient lives, from the township down (`横店镇 八仙村三组 12 号`): tells two 王秀英 apart. Null when no address is on file. */
  place: z.string().nullable(),
  matched: z.object({ key: matchedKey, exact: z.boolean() }),
  lastVisit: lastVisitView.nullable(),
});
export type PatientHit = z.infer<typeof patientHit>;

/** A full patient record for the form, with the revision to send back on update. */
export const patientDetail = z.object({
  id: z.string(),
  rev: z.string(),
  form: patientForm,
  age: z.number().int().nonnegative(),
  ageText: z.string(),
  idNumberMasked: z.string().nullable(),
  /** Set when this record was absorbed by a merge: open the survivor instead. */
  mergedInto: z.string().nullable(),
  /** Records merged into this one (their visits are listed below too). */
  mergedFrom: z.array(z.object({ id: z.string(), rev: z.string(), name: z.string(), idNumberMasked: z.string().nullable() })),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  /** Latest visits first, at most 20, including those of merged records. */
  visits: z.array(
    z.object({
      id: z.string(),
      patientId: z.string(),
      visitNumber: z.string(),
      visitDate: isoDate,
      departmentCode: z.string(),
      departmentName: z.string(),
      doctorUsername: z.string().nullable(),
      visitType,
      status: encounterStatus,
    }),
  ),
});
export type PatientDetail = z.infer<typeof patientDetail>;

export const duplicateReason = z.enum(['same_id_number', 'same_name_birth_sex', 'same_phone_similar_name']);
export type DuplicateReason = z.infer<typeof duplicateReason>;

export const duplicateCandidate = z.object({
  patient: patientHit,
  reasons: z.array(duplicateReason).min(1),
  /** The reasons in words, for the warning shown before saving. */
  reasonText: z.string(),
});

export const savedPatient = z.object({ id: z.string(), rev: z.string(), patient: patientHit });
