import { z } from 'zod';
import { documentBase, documentFields, isoDate } from './base';
import { PATIENT_ID } from './ids';

/** Kinds of identity document (WS 364.3 CV02.01.101 身份证件类别代码). */
export const ID_DOCUMENT_TYPES = {
  '01': '居民身份证',
  '02': '居民户口簿',
  '03': '护照',
  '04': '军官证',
  '05': '驾驶证',
  '06': '港澳居民来往内地通行证',
  '07': '台湾居民来往内地通行证',
  '99': '其他法定有效证件',
} as const;
export const idDocumentType = z.enum(Object.keys(ID_DOCUMENT_TYPES) as [keyof typeof ID_DOCUMENT_TYPES]);

/** GB/T 2261.1 sex codes. */
export const sexCode = z.enum(['0', '1', '2', '9']);

export const cardKind = z.enum(['social_security', 'resident_health', 'insurance_voucher', 'clinic']);

/**
 * A patient in the master index. Id: `patient:h<keyed hash of the national ID number>` when the
 * patient has a resident ID card (so offline registrations elsewhere meet on one document), else
 * `patient:<ULID>`.
 */
const patientFields = {
  _id: z.string().regex(PATIENT_ID),
  type: z.literal('patient'),
  name: z.string().trim().min(1, '请填写姓名').max(40, '姓名不超过 40 个字'),
  sex: sexCode,
  birth_date: isoDate,
  ethnicity: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  id_type: idDocumentType.optional(),
  id_number: z.string().max(40).optional(),
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不对')
    .optional(),
  address: z
    .object({
      division_code: z
        .string()
        .regex(/^\d{6}(\d{3})?$/)
        .optional(),
      detail: z.string().max(120),
    })
    .optional(),
  insurance: z.object({ fee_category: z.string().min(1), number: z.string().max(40).optional() }).optional(),
  cards: z.array(z.object({ kind: cardKind, number: z.string().min(1).max(64) })).default([]),
  allergies: z.array(z.object({ substance: z.string().min(1).max(60), reaction: z.string().max(120).optional() })).default([]),
  emergency_contact: z
    .object({ name: z.string().min(1).max(40), relationship: z.string().regex(/^\d{1,2}$/), phone: z.string().max(20).optional() })
    .optional(),
  /** Set on the absorbed record when two patient records are merged: the survivor's id. */
  merged_into: z.string().optional(),
};

/** Version 1: no occupation. */
export const patientDocV1 = z.object({ ...patientFields, ...documentBase });

/** A version-1 patient has no occupation recorded: nothing to change but the version. */
export const upgradePatientV1 = (body: Readonly<Record<string, unknown>>): Record<string, unknown> => ({ ...body });

/** 职业 as the 门诊日志 and the infectious-disease report card ask for it (free text, common choices offered). */
export const occupation = z.string().trim().min(1).max(20, '职业不超过 20 个字');

export const patientDoc = z.object({ ...patientFields, ...documentFields(2), occupation: occupation.optional() });
export type PatientDoc = z.infer<typeof patientDoc>;
