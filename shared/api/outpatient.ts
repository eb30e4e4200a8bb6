/**
 * 门诊 (the doctor's workstation): the queue and 叫号, the chart of one visit (banner, note, drafts,
 * prescriptions), the patient's history, templates, the 处方笺 and the 门诊日志. Everything that shows
 * patient data is audited as a read, everything that changes the record as a write; drafts are
 * this PC's own work in progress and are not records (shared/docs/draft.ts).
 */
import { z } from 'zod';
import { isoDate, isoTimestamp } from '../docs/base';
import { departmentCode } from '../docs/department';
import { ENCOUNTER_ID, NOTE_TEMPLATE_ID, OUTPATIENT_NOTE_ID, PATIENT_ID, PRESCRIPTION_ID } from '../docs/ids';
import { notePhrase } from '../docs/note-template';
import { NOTE_TEXT_FIELDS, noteContent, noteStatus, noteTextField } from '../docs/outpatient-note';
import { prescriptionItem, prescriptionKind, prescriptionStatus } from '../docs/prescription';
import { method } from './define';
import { signedView, signingPin } from './signing';
import { visitView } from './visits';

const encounterId = z.string().regex(ENCOUNTER_ID, '就诊编号格式不对');
const rev = z.string().regex(/^\d+-[0-9a-f]{32}$/, '记录版本号格式不对');

/** A visit in the doctor's queue: the front desk's view, plus 叫号's state. */
export const queueVisit = visitView.extend({
  /** 过号: called, did not come, set aside until put back. */
  passed: z.boolean(),
  callCount: z.number().int().nonnegative(),
  calledAt: isoTimestamp.nullable(),
});
export type QueueVisit = z.infer<typeof queueVisit>;

export const visitAction = z.enum(['recall', 'pass', 'put_back', 'complete']);
export type VisitAction = z.infer<typeof visitAction>;

/** What stays on screen while charting (患者信息条). */
export const patientBanner = z.object({
  id: z.string(),
  name: z.string(),
  sexLabel: z.string(),
  ageText: z.string(),
  allergies: z.array(z.string()),
  feeCategory: z.string(),
  /** Long-term conditions seen in earlier diagnoses (高血压, 糖尿病 …). */
  chronicConditions: z.array(z.string()),
});
export type PatientBanner = z.infer<typeof patientBanner>;

export const noteView = z.object({
  id: z.string(),
  rev: z.string(),
  status: noteStatus,
  visitAt: isoTimestamp,
  doctor: z.string(),
  content: noteContent,
});
export type NoteView = z.infer<typeof noteView>;

export const prescriptionView = z.object({
  id: z.string(),
  rev: z.string(),
  kind: prescriptionKind,
  status: prescriptionStatus,
  items: z.array(prescriptionItem),
  createdAt: isoTimestamp,
  doctor: z.string(),
});
export type PrescriptionView = z.infer<typeof prescriptionView>;

export const chartView = z.object({
  visit: queueVisit,
  banner: patientBanner,
  note: noteView.nullable(),
  prescriptions: z.array(prescriptionView),
  /** This PC's autosaved draft of the visit's note, if any (newer than the saved note). */
  draft: z.object({ savedAt: isoTimestamp, content: z.record(z.string(), z.unknown()) }).nullable(),
});
export type ChartView = z.infer<typeof chartView>;

export const historyEntry = z.object({
  encounterId: z.string(),
  visitDate: isoDate,
  visitTypeLabel: z.string(),
  departmentName: z.string(),
  doctorName: z.string(),
  note: noteView.nullable(),
  prescriptions: z.array(prescriptionView),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

/** 更正 of a signed note: the corrected parts only; the others are carried over from the newest version unchanged. */
const noteCorrection = z
  .object({
    noteId: z.string().regex(OUTPATIENT_NOTE_ID, '病历编号格式不对'),
    reason: z.string().trim().min(2, '请填写更正原因（至少 2 个字）').max(500, '更正原因不超过 500 个字'),
    text: z.partialRecord(noteTextField, z.string().max(4000, '这一项不超过 4000 个字')),
    pin: signingPin,
  })
  .strict();

export const templateView = z.object({
  id: z.string(),
  rev: z.string(),
  scope: z.enum(['personal', 'department']),
  departmentCode: z.string().nullable(),
  name: z.string(),
  fields: z.partialRecord(z.enum(NOTE_TEXT_FIELDS), z.string()),
  phrases: z.array(notePhrase),
  /** The caller may change it: their own, or their department's. */
  editable: z.boolean(),
});
export type TemplateView = z.infer<typeof templateView>;

/** A prescription check the doctor must answer before the prescription is saved (allergy, same drug twice …). */
export const prescriptionWarning = z.object({
  /** Stable for the same drug and rule (shared/rx): the answer is given by this key. */
  key: z.string(),
  code: z.string(),
  /** A refusal cannot be answered: the prescription must change. */
  severity: z.enum(['warning', 'refusal']),
  message: z.string(),
  itemIndex: z.number().int().nonnegative().nullable(),
});

/** An Rp line as the doctor enters it: the quantity is computed when left out. */
export const prescriptionItemInput = prescriptionItem.extend({
  quantity: prescriptionItem.shape.quantity.optional(),
  quantity_unit: z.string().max(10).optional(),
});
export type PrescriptionItemInput = z.infer<typeof prescriptionItemInput>;
export type PrescriptionWarning = z.infer<typeof prescriptionWarning>;

export const logRow = z.object({
  visitDate: isoDate,
  visitNumber: z.string(),
  name: z.string(),
  sexLabel: z.string(),
  ageText: z.string(),
  address: z.string(),
  occupation: z.string(),
  onsetDate: z.string(),
  diagnosis: z.string(),
  visitTypeLabel: z.string(),
  doctorName: z.string(),
});
export type LogRow = z.infer<typeof logRow>;

const logRange = z
  .object({ from: isoDate, to: isoDate, departmentCode: departmentCode.optional() })
  .strict()
  .refine((range) => range.from <= range.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 366 * 86_400_000, { message: '一次最多查一年', path: ['to'] });

const pdfFile = z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), pdfBase64: z.string(), bytes: z.number().int().positive() });
const exportFile = z.object({ fileName: z.string(), contentType: z.string(), base64: z.string(), rows: z.number().int().nonnegative() });

export const outpatientContract = {
  'outpatient.queue': method({
    input: z.object({ departmentCode: departmentCode.optional() }).strict(),
    output: z.object({ date: isoDate, departmentCode: z.string(), visits: z.array(queueVisit) }),
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'read',
    summary: '医生的候诊队列（本科室、本人）',
  }),
  'outpatient.callNext': method({
    input: z.object({ departmentCode }).strict(),
    output: queueVisit,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '叫号：下一位患者',
  }),
  'outpatient.visitAction': method({
    input: z.object({ id: encounterId, action: visitAction }).strict(),
    output: queueVisit,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '重呼、过号、回队、结束就诊',
  }),
  'outpatient.chart': method({
    input: z.object({ encounterId }).strict(),
    output: chartView,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'read',
    summary: '打开一次就诊的病历',
  }),
  'outpatient.history': method({
    input: z.object({ patientId: z.string().regex(PATIENT_ID, '患者编号格式不对') }).strict(),
    output: z.object({ entries: z.array(historyEntry) }),
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'read',
    summary: '患者既往就诊（病历、诊断、处方）',
  }),
  'outpatient.saveDraft': method({
    input: z.object({ encounterId, content: z.record(z.string(), z.unknown()) }).strict(),
    output: z.object({ savedAt: isoTimestamp }),
    permission: 'encounter.chart',
    requiresSetup: true,
    // A draft is this PC's work in progress, never a record (shared/docs/draft.ts).
    audit: 'none',
    summary: '自动保存病历草稿（仅本机）',
  }),
  'outpatient.saveNote': method({
    input: z.object({ encounterId, noteId: z.string().regex(OUTPATIENT_NOTE_ID).optional(), rev: rev.optional(), content: noteContent }).strict(),
    output: noteView,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '保存门诊病历',
  }),
  'outpatient.savePrescription': method({
    input: z
      .object({
        encounterId,
        id: z.string().regex(PRESCRIPTION_ID).optional(),
        rev: rev.optional(),
        kind: prescriptionKind,
        items: z.array(prescriptionItemInput).min(1, '处方至少要有一种药'),
        /** Answers to the warnings shown, by warning key. */
        answers: z.record(z.string(), z.string().max(200)).default({}),
      })
      .strict(),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), prescription: prescriptionView }),
      z.object({ outcome: z.literal('warnings'), warnings: z.array(prescriptionWarning) }),
    ]),
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '保存处方（须回应提示）',
  }),
  'outpatient.prescriptionPdf': method({
    input: z.object({ id: z.string().regex(PRESCRIPTION_ID, '处方编号格式不对') }).strict(),
    output: pdfFile,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'read',
    summary: '处方笺（PDF）',
  }),
  'outpatient.templates': method({
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(templateView) }),
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'read',
    summary: '常用模板和常用语',
  }),
  'outpatient.saveTemplate': method({
    input: z
      .object({
        id: z.string().regex(NOTE_TEMPLATE_ID).optional(),
        rev: rev.optional(),
        scope: z.enum(['personal', 'department']),
        departmentCode: departmentCode.optional(),
        name: z.string().trim().min(1, '请填写模板名称').max(40, '模板名称不超过 40 个字'),
        fields: z.partialRecord(z.enum(NOTE_TEXT_FIELDS), z.string().max(2000)).default({}),
        phrases: z.array(notePhrase).max(100, '常用语不超过 100 条').default([]),
        retired: z.boolean().default(false),
      })
      .strict(),
    output: templateView,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '保存或停用常用模板',
  }),
  'outpatient.amendNote': method({
    input: noteCorrection,
    output: signedView,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '更正已签名的门诊病历（写明原因并签名）',
  }),
  'outpatient.log': method({
    input: logRange,
    output: z.object({ rows: z.array(logRow) }),
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'read',
    summary: '门诊日志',
  }),
  'outpatient.logExport': method({
    input: z.object({ from: isoDate, to: isoDate, departmentCode: departmentCode.optional(), format: z.enum(['xlsx', 'csv']) }).strict(),
    output: exportFile,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'read',
    summary: '导出门诊日志（XLSX / CSV）',
  }),
} as const;
