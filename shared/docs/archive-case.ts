import { z } from 'zod';
import { documentBase, isoDate, isoTimestamp } from './base';
import { departmentCode } from './department';
import { ARCHIVE_CASE_ID, CASE_NUMBER, ENCOUNTER_ID, PATIENT_ID, QC_REVIEW_ID } from './ids';
import { username } from './user';

/** QC grades of an archived record (甲 good, 乙 with minor defects, 丙 with serious ones). */
export const QC_GRADES = ['甲', '乙', '丙'] as const;
export const qcGrade = z.enum(QC_GRADES);
export type QcGrade = z.infer<typeof qcGrade>;

export const ARCHIVE_CASE_KINDS = ['visit', 'paper'] as const;
export const archiveCaseKind = z.enum(ARCHIVE_CASE_KINDS);
export const ARCHIVE_CASE_KIND_LABELS = { visit: '门诊病案', paper: '纸质病案' } as const;

/** A document revision exactly as archived: later revisions are not part of the case. */
export const frozenRevision = z.object({
  id: z.string().min(1).max(200),
  rev: z.string().regex(/^\d+-[0-9a-f]{1,64}$/, '文档版本号格式不对'),
});
export type FrozenRevision = z.infer<typeof frozenRevision>;

/**
 * 病案: one archived outpatient visit (or a scanned paper record) under its 病案号 (AR-01, AR-03).
 * Id `archive_case:<病案号>`. Written once and never edited (AR-04, AR-05): a later change is a
 * separate `archive_change` approved by 医务科, kept with the case. Field names follow the
 * record room's shared agreement. The retention date is not stored: it moves on with every new visit
 * of the patient (AR-08, AR-09), so the projection computes it.
 */
export const archiveCaseDoc = z
  .object({
    _id: z.string().regex(ARCHIVE_CASE_ID),
    type: z.literal('archive_case'),
    ...documentBase,
    caseNumber: z.string().regex(CASE_NUMBER, '病案号格式不对'),
    kind: archiveCaseKind,
    patientId: z.string().regex(PATIENT_ID),
    /** The visit archived; null for a paper record. */
    encounterId: z.string().regex(ENCOUNTER_ID).nullable(),
    departmentCode,
    doctorUsername: username.nullable(),
    visitDate: isoDate,
    diagnosisCodes: z.array(z.string().min(1).max(30)).max(40),
    documents: z.array(frozenRevision).min(1, '病案至少包含一份文档').max(500),
    qcGrade,
    /** The manual QC review the grade comes from (`qc_review:<ULID>`); null for a paper record graded at once. */
    qcReviewId: z.string().regex(QC_REVIEW_ID).nullable(),
    archivedAt: isoTimestamp,
    archivedBy: username,
    workstationId: z.string().regex(/^[A-Z0-9]{1,8}$/),
  })
  .superRefine((doc, ctx) => {
    if (!doc.caseNumber.includes(`-${doc.workstationId}-`)) {
      ctx.addIssue({ code: 'custom', path: ['workstationId'], message: '病案号中的工作站编号与归档工作站不一致' });
    }
    if ((doc.kind === 'visit') !== (doc.encounterId !== null)) {
      ctx.addIssue({ code: 'custom', path: ['encounterId'], message: '门诊病案要有就诊记录，纸质病案没有' });
    }
  });
export type ArchiveCaseDoc = z.infer<typeof archiveCaseDoc>;
