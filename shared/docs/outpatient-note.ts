import { z } from 'zod';
import { impossibleVitals, VITAL_KEYS, type VitalKey } from '../clinical/vitals';
import { documentBase, isoDate, isoTimestamp } from './base';
import { departmentCode } from './department';
import { visitType } from './encounter';
import { ENCOUNTER_ID, OUTPATIENT_NOTE_ID, PATIENT_ID } from './ids';
import { username } from './user';

/** The note's free-text parts, in the order 《病历书写基本规范》 lists them (WR-10 初诊, WR-11 复诊). */
export const NOTE_TEXT_FIELDS = [
  'chief_complaint',
  'present_illness',
  'past_history',
  'allergy_history',
  'personal_history',
  'physical_exam',
  'auxiliary_exams',
  'plan',
] as const;
export type NoteTextField = (typeof NOTE_TEXT_FIELDS)[number];
export const noteTextField = z.enum(NOTE_TEXT_FIELDS);

export const NOTE_FIELD_LABELS: Readonly<Record<NoteTextField, string>> = {
  chief_complaint: '主诉',
  present_illness: '现病史',
  past_history: '既往史',
  allergy_history: '过敏史',
  personal_history: '个人史',
  physical_exam: '体格检查',
  auxiliary_exams: '辅助检查',
  plan: '处理意见',
};

const noteText = z.string().max(4000, '这一项不超过 4000 个字');

export const vitalSigns = z
  .object(Object.fromEntries(VITAL_KEYS.map((key) => [key, z.number().optional()])) as Record<VitalKey, z.ZodOptional<z.ZodNumber>>)
  .strict()
  .superRefine((vitals, ctx) => {
    for (const problem of impossibleVitals(vitals)) ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
  });

/**
 * One diagnosis as coded (CD-01, CD-08): the code, its code system and table version, and the name
 * as the doctor wrote it. Kept as written: a later table never rewrites a historic code.
 */
export const noteDiagnosis = z.object({
  code: z.string().regex(/^[A-Z][0-9A-Za-z.+*†-]{1,20}$/, '诊断编码格式不对'),
  code_system: z.string().min(1).max(40),
  version: z.string().min(1).max(40),
  name: z.string().trim().min(1, '请填写诊断名称').max(100, '诊断名称不超过 100 个字'),
  position: z.enum(['primary', 'secondary']),
  certainty: z.enum(['suspected', 'confirmed']),
});
export type NoteDiagnosis = z.infer<typeof noteDiagnosis>;
export const CERTAINTY_LABELS = { suspected: '疑似', confirmed: '确诊' } as const;
export const POSITION_LABELS = { primary: '主要诊断', secondary: '其他诊断' } as const;

/**
 * WR-18: text copied from the same patient's earlier note stays marked until the doctor has
 * proofread it; a note with unproofread copied text cannot be signed.
 */
export const copyMark = z.object({ field: noteTextField, from_note_id: z.string().regex(OUTPATIENT_NOTE_ID), proofread: z.boolean() });
export type CopyMark = z.infer<typeof copyMark>;

export const noteStatus = z.enum(['draft', 'signed']);

/** What the doctor writes: the parts of the note, the vitals, the diagnoses, the copy marks. */
export const noteContent = z.object({
  /** 发病日期, for the 门诊日志 (disease surveillance). */
  onset_date: isoDate.optional(),
  ...(Object.fromEntries(NOTE_TEXT_FIELDS.map((field) => [field, noteText])) as Record<NoteTextField, typeof noteText>),
  vitals: vitalSigns,
  diagnoses: z.array(noteDiagnosis).max(20, '诊断不超过 20 个'),
  copy_marks: z.array(copyMark).default([]),
});
export type NoteContent = z.infer<typeof noteContent>;

/**
 * 门诊病历: one visit's note. Id `outpatient_note:<ULID>`; immutable once `signed` (a correction is an
 * amendment, WR-05). The structured vitals sit beside 体格检查's text.
 */
export const outpatientNoteDoc = z
  .object({
    _id: z.string().regex(OUTPATIENT_NOTE_ID),
    type: z.literal('outpatient_note'),
    ...documentBase,
    encounter_id: z.string().regex(ENCOUNTER_ID),
    patient_id: z.string().regex(PATIENT_ID),
    department_code: departmentCode,
    doctor_username: username,
    visit_type: visitType,
    /** WR-10/WR-11/WR-12: the visit's time, to the minute. */
    visit_at: isoTimestamp,
    ...noteContent.shape,
    status: noteStatus,
  })
  .superRefine((note, ctx) => {
    for (const problem of noteProblems(note)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });
export type OutpatientNoteDoc = z.infer<typeof outpatientNoteDoc>;

/** What makes a note's content wrong as a whole (one primary diagnosis; no unproofread copies once signed). */
export function noteProblems(note: Pick<NoteContent, 'diagnoses' | 'copy_marks'> & { status: string }): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const primaries = note.diagnoses.filter((d) => d.position === 'primary').length;
  if (note.diagnoses.length > 0 && primaries !== 1) problems.push({ path: 'diagnoses', message: '诊断中应有且只有一个主要诊断' });
  if (note.status === 'signed' && note.copy_marks.some((mark) => !mark.proofread)) {
    problems.push({ path: 'copy_marks', message: '复制来的内容还没有核对，核对后才能签名' });
  }
  return problems;
}
