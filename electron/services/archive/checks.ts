/**
 * The automatic checks of a completed visit before it is archived (issue 10 item 1): the note's
 * required parts per visit type (WR-10 初诊, WR-11 复诊), valid signatures (ID-06), counter-signatures
 * of trainees' notes (ID-03), ICD codes valid in the version they were coded in (CD-01), consistent
 * dates, prescriptions against the patient's allergies, and prescription length (RX-01). Each check
 * reads the note as last amended: an amendment answering a defect is what the second pass sees.
 */
import type { ArchiveCheckView } from '../../../shared/api/archive';
import { NOTE_FIELD_LABELS, type NoteDiagnosis, type NoteTextField } from '../../../shared/docs/outpatient-note';
import { MAX_DAYS } from '../../../shared/rx';
import { clinicDate } from '../../../shared/time/clinic-time';
import type { VisitRecord } from './visit-record';

/** WR-10 / WR-11: the parts a note must have, by visit type (an emergency note as a first visit's). */
export const REQUIRED_PARTS: Readonly<Record<'first' | 'return' | 'emergency', ReadonlyArray<NoteTextField>>> = {
  first: ['chief_complaint', 'present_illness', 'past_history', 'physical_exam', 'plan'],
  emergency: ['chief_complaint', 'present_illness', 'past_history', 'physical_exam', 'plan'],
  return: ['chief_complaint', 'present_illness', 'plan'],
};

/** Looks a code up in its code system and version: found (retired or not) means valid in that version. */
export type IcdVersionLookup = (codeSystem: string, code: string, version: string) => unknown;

const pass = (code: ArchiveCheckView['code'], label: string): ArchiveCheckView => ({ code, label, passed: true, problems: [] });
const check = (code: ArchiveCheckView['code'], label: string, problems: string[]): ArchiveCheckView => ({
  code,
  label,
  passed: problems.length === 0,
  problems,
});

function sections(record: VisitRecord): ArchiveCheckView {
  const { content, visitType } = record;
  const problems = REQUIRED_PARTS[visitType]
    .filter((field) => String(content.text[field] ?? '').trim() === '')
    .map((field) => `缺少“${NOTE_FIELD_LABELS[field]}”。`);
  if (content.diagnoses.length === 0) problems.push('没有诊断。');
  return check('sections', `病历内容完整（${visitType === 'return' ? '复诊' : visitType === 'emergency' ? '急诊' : '初诊'}）`, problems);
}

function signatures(record: VisitRecord): ArchiveCheckView {
  const problems = record.verifications
    .filter((v) => v.status !== 'verified')
    .map((v) => (v.status === 'unsigned' ? `${v.label}没有签名。` : `${v.label}的签名未通过验证：${v.failure ?? '原因不明'}`));
  return check('signatures', '签名有效', problems);
}

function countersigns(record: VisitRecord): ArchiveCheckView {
  const problems = record.verifications.filter((v) => v.needsCountersign).map((v) => `${v.label}由实习/试用期医生签名，尚未经上级医生审签。`);
  return check('countersign', '实习/试用期医生的记录已审签', problems);
}

function icdCodes(diagnoses: ReadonlyArray<NoteDiagnosis>, lookup: IcdVersionLookup): ArchiveCheckView {
  const problems = diagnoses
    .filter((d) => !lookup(d.code_system, d.code, d.version))
    .map((d) => `诊断编码 ${d.code}（${d.name}）不在 ${d.code_system} ${d.version} 版字典里。`);
  return check('icd', '诊断编码在其版本中有效', problems);
}

function dates(record: VisitRecord, zone: string): ArchiveCheckView {
  const problems: string[] = [];
  const visitDay = clinicDate(record.visitAt, zone);
  if (visitDay !== record.visitDate) problems.push(`病历的就诊时间（${visitDay}）与挂号日期（${record.visitDate}）不是同一天。`);
  if (record.onsetDate && record.onsetDate > record.visitDate) problems.push(`发病日期（${record.onsetDate}）晚于就诊日期。`);
  if (record.noteSignedAt && record.noteSignedAt < record.registeredAt) problems.push('病历签名时间早于挂号时间。');
  if (record.completedAt && record.completedAt < record.registeredAt) problems.push('就诊结束时间早于挂号时间。');
  return check('dates', '日期时间前后一致', problems);
}

/** 青霉素类过敏 → 青霉素: the substance without the words around it. */
const allergyStem = (text: string): string =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/(过敏史?|药物|药)$/g, '')
    .replace(/类$/, '');

function allergies(record: VisitRecord): ArchiveCheckView {
  const problems: string[] = [];
  for (const rx of record.prescriptions) {
    for (const item of rx.items) {
      for (const allergy of record.allergies) {
        const stem = allergyStem(allergy);
        if (stem.length < 2 || !item.drugName.includes(stem)) continue;
        if (!rx.allergyAnswered) problems.push(`处方中的 ${item.drugName} 与患者的过敏史“${allergy}”冲突，且没有记录处理意见。`);
      }
    }
  }
  return check('allergy', '处方与过敏史不冲突', problems);
}

function prescriptionDays(record: VisitRecord): ArchiveCheckView {
  const problems = record.prescriptions.flatMap((rx) =>
    rx.items
      .filter((item) => item.days > MAX_DAYS[rx.kind])
      .map((item) => `${item.drugName} 开了 ${item.days} 天，${rx.kind === 'emergency' ? '急诊处方不超过 3 天' : '普通处方不超过 7 天'}。`),
  );
  return check('rx_days', '处方用药天数合规（普通 ≤ 7 天，急诊 ≤ 3 天）', problems);
}

/** Every automatic check of one visit, in the order the reviewer reads them. */
export function runChecks(record: VisitRecord, lookup: IcdVersionLookup, zone: string): ArchiveCheckView[] {
  return [
    sections(record),
    signatures(record),
    countersigns(record),
    icdCodes(record.content.diagnoses, lookup),
    dates(record, zone),
    record.prescriptions.length === 0 ? pass('allergy', '处方与过敏史不冲突') : allergies(record),
    prescriptionDays(record),
  ];
}
