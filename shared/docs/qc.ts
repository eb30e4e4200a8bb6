import { z } from 'zod';
import { qcGrade } from './archive-case';
import { documentBase, isoTimestamp } from './base';
import { AMENDMENT_ID, ENCOUNTER_ID, OUTPATIENT_NOTE_ID, PATIENT_ID, QC_REVIEW_ID, QC_TASK_ID } from './ids';
import { username } from './user';

/**
 * The defects a reviewer picks from (病历质控缺陷), a fixed catalogue so the statistics can count
 * the commonest ones; each item may carry a remark.
 */
export const QC_DEFECTS = {
  missing_complaint: '主诉缺失或不规范',
  missing_present_illness: '现病史缺失或过简',
  missing_past_history: '初诊未写既往史',
  missing_exam: '体格检查缺失',
  missing_diagnosis: '诊断缺失或不明确',
  wrong_code: '诊断编码不当',
  missing_plan: '处理意见缺失',
  allergy_not_recorded: '过敏史未记录',
  prescription_days: '处方用量超过规定天数',
  allergy_conflict: '处方与过敏史冲突',
  signature: '签名缺失或无效',
  countersign: '实习/试用期医生的病历未经上级医生审签',
  dates: '日期时间不一致',
  wording: '书写不规范（错别字、涂改、术语）',
  other: '其他',
} as const;
export type QcDefectCode = keyof typeof QC_DEFECTS;
export const qcDefectCode = z.enum(Object.keys(QC_DEFECTS) as [QcDefectCode, ...QcDefectCode[]]);
export const qcDefect = z.object({ code: qcDefectCode, remark: z.string().trim().max(200, '说明不超过 200 个字').default('') });
export type QcDefect = z.infer<typeof qcDefect>;

/**
 * 质控评定: a reviewer's manual check of one completed visit before archiving (AR-07): the defects
 * found, a free remark, the grade 甲/乙/丙, and whether the defects go back to the doctor. Each pass
 * is its own document; the latest one counts.
 */
export const qcReviewDoc = z.object({
  _id: z.string().regex(QC_REVIEW_ID),
  type: z.literal('qc_review'),
  ...documentBase,
  encounter_id: z.string().regex(ENCOUNTER_ID),
  patient_id: z.string().regex(PATIENT_ID),
  note_id: z.string().regex(OUTPATIENT_NOTE_ID),
  reviewer: username,
  reviewed_at: isoTimestamp,
  /** 1 for the first look, 2 after the doctor answered, … */
  pass: z.number().int().min(1).max(99),
  grade: qcGrade,
  defects: z.array(qcDefect).max(30),
  remark: z.string().trim().max(500, '备注不超过 500 个字'),
  /** The automatic checks that failed when the reviewer graded (their codes). */
  failed_checks: z.array(z.string().max(40)).max(20),
  send_back: z.boolean(),
});
export type QcReviewDoc = z.infer<typeof qcReviewDoc>;

export const qcTaskStatus = z.enum(['open', 'answered']);

/**
 * 病案整改: the defects of a review sent back to the note's doctor, shown in 门诊. The doctor
 * answers with an amendment of the note; the case then returns to the archive queue.
 */
export const qcTaskDoc = z
  .object({
    _id: z.string().regex(QC_TASK_ID),
    type: z.literal('qc_task'),
    ...documentBase,
    encounter_id: z.string().regex(ENCOUNTER_ID),
    patient_id: z.string().regex(PATIENT_ID),
    note_id: z.string().regex(OUTPATIENT_NOTE_ID),
    review_id: z.string().regex(QC_REVIEW_ID),
    doctor_username: username,
    defects: z.array(qcDefect).min(1, '请至少列出一项缺陷').max(30),
    remark: z.string().max(500),
    status: qcTaskStatus,
    answered_at: isoTimestamp.nullable(),
    amendment_id: z.string().regex(AMENDMENT_ID).nullable(),
    answer: z.string().trim().max(500, '答复不超过 500 个字'),
  })
  .superRefine((task, ctx) => {
    if ((task.status === 'answered') !== (task.answered_at !== null))
      ctx.addIssue({ code: 'custom', path: ['answered_at'], message: '整改答复的时间与状态不一致' });
  });
export type QcTaskDoc = z.infer<typeof qcTaskDoc>;
