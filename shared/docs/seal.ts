import { z } from 'zod';
import { documentBase, isoTimestamp } from './base';
import { lendingCaseNumber, staffName } from './access-grant';
import { PATIENT_ID, SEAL_ID } from './ids';

/**
 * 封存 (REGULATIONS.md AR-26–AR-34, SCENARIOS.md 4). A seal freezes the listed revisions of a case's
 * documents, each by id, revision and SM3 digest of its body (the `body-v1` form signatures use,
 * electron/signing/canonical-body.ts), so the sealed set can be shown later exactly as it was,
 * signatures and all. Both sides confirm each stage of the 封存清单; parts completed after the seal
 * (AR-29) are added as a later stage with its own confirmations, never by changing an earlier one.
 */

const revision = z.string().regex(/^\d+-[0-9a-f]{32}$/, '记录版本号格式不对');
const sm3Hex = z.string().regex(/^[0-9a-f]{64}$/, '摘要格式不对');

/** One document revision on the 封存清单. */
export const sealedItem = z.object({
  id: z.string().min(1),
  rev: revision,
  type: z.string().min(1),
  case_number: lendingCaseNumber,
  sm3: sm3Hex,
});
export type SealedItem = z.infer<typeof sealedItem>;

/** Who stood for the patient: the patient, an agent (代理人), or a notary when the patient refused (AR-27). */
export const PATIENT_SIDE_ROLES = ['patient', 'agent', 'notary'] as const;
export const patientSideRole = z.enum(PATIENT_SIDE_ROLES);
export type PatientSideRole = z.infer<typeof patientSideRole>;
export const PATIENT_SIDE_LABELS: Readonly<Record<PatientSideRole, string>> = { patient: '患者本人', agent: '患者代理人', notary: '公证机构' };

export const patientSide = z.object({
  role: patientSideRole,
  name: z.string().trim().min(1, '请填写患方姓名').max(30, '姓名不超过 30 个字'),
  /** 身份证件号 (or the notary office's certificate number). */
  id_number: z.string().trim().min(4, '请填写患方证件号码').max(40, '证件号码不超过 40 位'),
});
export type PatientSide = z.infer<typeof patientSide>;

/** One stage: its list, and both sides' confirmation of exactly that list (`list_sm3`). */
export const sealStage = z.object({
  number: z.number().int().positive(),
  items: z.array(sealedItem).min(1, '封存清单是空的'),
  /** SM3 over the canonical item list: what both sides confirmed. */
  list_sm3: sm3Hex,
  patient_side: patientSide.extend({ confirmed_at: isoTimestamp }),
  institution_side: staffName.extend({ confirmed_at: isoTimestamp }),
});
export type SealStage = z.infer<typeof sealStage>;

export const sealReason = z.string().trim().min(2, '请写明原因（至少 2 个字）').max(500, '原因不超过 500 个字');

export const sealDoc = z
  .object({
    _id: z.string().regex(SEAL_ID),
    type: z.literal('seal'),
    ...documentBase,
    patient_id: z.string().regex(PATIENT_ID),
    case_numbers: z.array(lendingCaseNumber).min(1).max(50),
    /** The dispute, as the institution records it. */
    reason: sealReason,
    sealed_at: isoTimestamp,
    stages: z.array(sealStage).min(1),
    /** 医务科's approval to unseal (archive.approve), before the unsealing itself. */
    unseal_approval: z.object({ by: staffName, at: isoTimestamp, reason: sealReason }).optional(),
    unsealed: z
      .object({
        /** `approved`: with approval and both sides present (AR-30); `no_claim`: 3 years sealed with no claim (AR-31). */
        kind: z.enum(['approved', 'no_claim']),
        at: isoTimestamp,
        by: staffName,
        reason: sealReason,
        patient_side: patientSide.nullable(),
      })
      .optional(),
    status: z.enum(['sealed', 'unsealed']),
  })
  .refine((seal) => seal.stages.every((stage, index) => stage.number === index + 1), { message: '封存批次应从 1 起连续编号', path: ['stages'] })
  .refine((seal) => (seal.status === 'unsealed') === (seal.unsealed !== undefined), { message: '启封状态与启封记录不一致', path: ['unsealed'] });
export type SealDoc = z.infer<typeof sealDoc>;

export const EXAMPLE_SEAL = {
  _id: 'seal:01JQ0000000000000000000013',
  type: 'seal',
  schema_version: 1,
  clinic_code: 'demo01',
  created_at: '2025-03-03T08:00:00.000Z',
  created_by: 'yang.zq',
  updated_at: '2025-03-03T08:00:00.000Z',
  updated_by: 'yang.zq',
  patient_id: `patient:h${'0123456789abcdef'.repeat(2)}`,
  case_numbers: ['demo01-2025-W01-00001'],
  reason: '患方对治疗经过有异议',
  sealed_at: '2025-03-03T08:00:00.000Z',
  stages: [
    {
      number: 1,
      items: [
        {
          id: 'outpatient_note:01JQ0000000000000000000002',
          rev: `1-${'a'.repeat(32)}`,
          type: 'outpatient_note',
          case_number: 'demo01-2025-W01-00001',
          sm3: 'b'.repeat(64),
        },
      ],
      list_sm3: 'c'.repeat(64),
      patient_side: { role: 'agent', name: '王小明', id_number: '110101199001011234', confirmed_at: '2025-03-03T08:00:00.000Z' },
      institution_side: { username: 'yang.zq', display_name: '杨志强', confirmed_at: '2025-03-03T08:00:00.000Z' },
    },
  ],
  status: 'sealed',
};
