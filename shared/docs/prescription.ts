import { z } from 'zod';
import { documentBase } from './base';
import { departmentCode } from './department';
import { ENCOUNTER_ID, PATIENT_ID, PRESCRIPTION_ID } from './ids';
import { username } from './user';

/** 处方类别: 普通 at most 7 days, 急诊 at most 3 (REGULATIONS.md RX-01). */
export const prescriptionKind = z.enum(['ordinary', 'emergency']);
export const PRESCRIPTION_KIND_LABELS = { ordinary: '普通处方', emergency: '急诊处方' } as const;

const positive = (what: string, max: number) =>
  z
    .number({ message: `请填写${what}` })
    .positive(`${what}应大于 0`)
    .max(max, `${what}不能超过 ${max}`);

/** One Rp line: the drug as written (and its dictionary entry), how it is taken, and how much is given. */
export const prescriptionItem = z.object({
  /** The clinic drug dictionary's entry, when it came from there. */
  drug_ref: z.string().min(1).max(80).optional(),
  drug_name: z.string().trim().min(1, '请填写药品名称').max(80),
  /** 规格, e.g. “0.25g×24粒”. */
  strength: z.string().max(60).optional(),
  dose: positive('单次剂量', 10000),
  dose_unit: z.string().trim().min(1, '请填写剂量单位').max(10),
  route: z.string().trim().min(1, '请填写用法').max(20),
  /** 频次 code: qd, bid, tid, qid, qn, q8h, q12h, st, prn. */
  frequency: z.string().trim().min(1, '请填写频次').max(12),
  days: z.number().int('天数应是整数').min(1, '天数至少 1 天').max(30, '天数不能超过 30 天'),
  quantity: positive('总量', 9999),
  quantity_unit: z.string().trim().min(1, '请填写总量单位').max(10),
});
export type PrescriptionItem = z.infer<typeof prescriptionItem>;

/** A warning the doctor saw and answered (kept on the prescription: who was told what, and went on). */
export const answeredWarning = z.object({ code: z.string().min(1).max(40), message: z.string().min(1).max(300), answer: z.string().max(200) });

export const prescriptionStatus = z.enum(['draft', 'signed', 'void']);

/** 处方: one patient per prescription (RX-01); id `prescription:<ULID>`; immutable once signed. */
export const prescriptionDoc = z.object({
  _id: z.string().regex(PRESCRIPTION_ID),
  type: z.literal('prescription'),
  ...documentBase,
  encounter_id: z.string().regex(ENCOUNTER_ID),
  patient_id: z.string().regex(PATIENT_ID),
  department_code: departmentCode,
  doctor_username: username,
  kind: prescriptionKind,
  items: z.array(prescriptionItem).min(1, '处方至少要有一种药').max(5, '每张处方不超过 5 种药品'),
  warnings_answered: z.array(answeredWarning).default([]),
  status: prescriptionStatus,
});
export type PrescriptionDoc = z.infer<typeof prescriptionDoc>;
