/**
 * 挂号: registering a visit, cancelling it, today's list, the queue per department and doctor, and the
 * registration slip. Lists show patient names, so reading them is audited as well.
 */
import { z } from 'zod';
import { isoDate, isoTimestamp } from '../docs/base';
import { departmentCode } from '../docs/department';
import { encounterStatus, visitType } from '../docs/encounter';
import { ENCOUNTER_ID, PATIENT_ID } from '../docs/ids';
import { username } from '../docs/user';
import { method } from './define';

const encounterId = z.string().regex(ENCOUNTER_ID, '就诊编号格式不对');
const rev = z.string().regex(/^\d+-[0-9a-f]{32}$/, '记录版本号格式不对');

export const visitView = z.object({
  id: z.string(),
  rev: z.string(),
  /** 门诊号 `<workstation>-<YYYYMMDD>-<seq>`. */
  visitNumber: z.string(),
  visitDate: isoDate,
  registeredAt: isoTimestamp,
  patient: z.object({
    id: z.string(),
    name: z.string(),
    sexLabel: z.string(),
    ageText: z.string(),
    idNumberMasked: z.string().nullable(),
  }),
  department: z.object({ code: z.string(), name: z.string() }),
  doctor: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  visitType,
  visitTypeLabel: z.string(),
  feeCategory: z.object({ code: z.string(), name: z.string() }),
  status: encounterStatus,
  statusLabel: z.string(),
  /** 就诊序号: the visit's number of the day for its department and doctor (printed on the slip). */
  queueNumber: z.number().int().positive(),
  /**
   * 就诊序号 as the patient is told it: in a centre of several PCs the number given at registration
   * (`7`, or `2-07` from W02 while the hub was out of reach), otherwise `queueNumber`.
   */
  queueLabel: z.string(),
  /** Place among the visits still waiting (emergencies first), or null once no longer waiting. */
  queuePosition: z.number().int().positive().nullable(),
  cancelReason: z.string().nullable(),
});
export type VisitView = z.infer<typeof visitView>;

export const ENCOUNTER_STATUS_LABELS = { waiting: '候诊', in_progress: '就诊中', completed: '已就诊', cancelled: '已退号' } as const;

export const visitsContract = {
  'visits.register': method({
    input: z
      .object({
        patientId: z.string().regex(PATIENT_ID, '请先选择患者'),
        departmentCode,
        /** Left out: the department's queue, any doctor. */
        doctorUsername: username.optional(),
        visitType,
        /** A code from `clinic.feeCategories`. */
        feeCategory: z.string().min(1, '请选择费别').max(40),
      })
      .strict(),
    output: visitView,
    permission: 'encounter.register',
    requiresSetup: true,
    audit: 'write',
    summary: '挂号',
  }),
  'visits.cancel': method({
    input: z.object({ id: encounterId, rev, reason: z.string().trim().min(2, '请填写退号原因（至少 2 个字）').max(200, '退号原因不超过 200 个字') }).strict(),
    output: visitView,
    permission: 'encounter.register',
    requiresSetup: true,
    audit: 'write',
    summary: '退号（须填原因）',
  }),
  'visits.listToday': method({
    input: z
      .object({
        /** Defaults to today (China time). */
        date: isoDate.optional(),
        departmentCode: departmentCode.optional(),
        doctorUsername: username.optional(),
        status: encounterStatus.optional(),
      })
      .strict(),
    output: z.object({ date: isoDate, visits: z.array(visitView), counts: z.record(encounterStatus, z.number().int().nonnegative()) }),
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '今日挂号列表（按科室、医生、状态筛选）',
  }),
  'visits.queue': method({
    input: z
      .object({
        departmentCode,
        /** Left out: the whole department's queue; given: that doctor's patients plus those assigned to no doctor. */
        doctorUsername: username.optional(),
      })
      .strict(),
    output: z.object({ date: isoDate, waiting: z.array(visitView) }),
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '候诊队列（科室 / 医生）',
  }),
  'visits.slip': method({
    input: z.object({ id: encounterId }).strict(),
    output: z.object({
      fileName: z.string(),
      contentType: z.literal('application/pdf'),
      /** The PDF bytes, base64: the screen shows it in a frame and prints it. */
      pdfBase64: z.string(),
      bytes: z.number().int().positive(),
    }),
    permission: 'encounter.register',
    requiresSetup: true,
    audit: 'read',
    summary: '挂号单（PDF）',
  }),
} as const;
