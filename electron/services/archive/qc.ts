/**
 * 质控: the archive queue and its states, the automatic checks, a reviewer's manual review (defects
 * from the fixed catalogue, remark, grade 甲/乙/丙), and the 病案整改 tasks sent back to the doctor,
 * answered by an amendment of the note (AR-07, WR-05). An answered task returns the visit to the
 * queue for a second pass.
 */
import { ulid } from 'ulid';
import { ApiFailure } from '../../../shared/api/errors';
import type { ArchiveCheckView, QcReviewView, QcTaskView, QueueEntryView, QueueState } from '../../../shared/api/archive';
import { VISIT_TYPE_LABELS } from '../../../shared/docs/encounter';
import { QC_DEFECTS, qcReviewDoc, qcTaskDoc, type QcDefect, type QcReviewDoc, type QcTaskDoc } from '../../../shared/docs/qc';
import { amendmentDoc } from '../../../shared/docs/signing';
import type { QcGrade } from '../../../shared/docs/archive-case';
import type { QcReviewRow, QcTaskRow } from '../../../db/queries';
import { DEFAULT_CLINIC_TIME_ZONE, clinicDate } from '../../../shared/time/clinic-time';
import { documentStamp, type ClinicData } from '../clinic-data';
import { readDocument, writeOne, type Stored } from '../outpatient/records';
import { requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { runChecks, type IcdVersionLookup } from './checks';
import { readVisitRecord, type ArchiveDeps } from './visit-record';

export interface QcDeps extends ArchiveDeps {
  readonly icd: IcdVersionLookup;
}

const DAY_MS = 86_400_000;
export const clinicZone = (data: ClinicData) => requireSettings(data).time_zone ?? DEFAULT_CLINIC_TIME_ZONE;

/** Where a visit stands, from its reviews and tasks (both oldest first). */
export function queueStateOf(
  reviews: ReadonlyArray<Pick<QcReviewRow, 'reviewedAt' | 'sendBack'>>,
  tasks: ReadonlyArray<Pick<QcTaskRow, 'status' | 'answeredAt'>>,
): QueueState {
  if (tasks.some((t) => t.status === 'open')) return 'returned';
  const last = reviews[reviews.length - 1];
  if (!last) return 'to_review';
  if (!last.sendBack) return 'ready';
  return tasks.some((t) => (t.answeredAt ?? '') >= last.reviewedAt) ? 'answered' : 'to_review';
}

const defectViews = (defects: ReadonlyArray<QcDefect>) => defects.map((d) => ({ code: d.code, label: QC_DEFECTS[d.code], remark: d.remark }));

export function archiveQueue(data: ClinicData, now = new Date()): { entries: QueueEntryView[] } {
  const rows = data.archive.queue();
  const ids = rows.map((r) => r.encounterId);
  const reviews = groupBy(data.archive.reviewsOfMany(ids), (r) => r.encounterId);
  const tasks = groupBy(data.archive.tasksOfMany(ids), (t) => t.encounterId);
  const departments = new Map(data.departments.list().map((d) => [d.code, d.name]));
  const doctors = new Map(data.users.list().map((u) => [u.username, u.displayName]));
  const today = clinicDate(now, clinicZone(data));
  return {
    entries: rows.map((row) => {
      const own = reviews.get(row.encounterId) ?? [];
      const last = own[own.length - 1];
      return {
        encounterId: row.encounterId,
        patientName: row.patientName,
        visitDate: row.visitDate,
        departmentName: departments.get(row.departmentCode) ?? row.departmentCode,
        doctorName: doctors.get(row.doctorUsername) ?? row.doctorUsername,
        visitTypeLabel: VISIT_TYPE_LABELS[row.visitType as keyof typeof VISIT_TYPE_LABELS] ?? row.visitType,
        noteId: row.noteId,
        state: queueStateOf(own, tasks.get(row.encounterId) ?? []),
        waitingDays: Math.max(0, Math.round((Date.parse(today) - Date.parse(row.visitDate)) / DAY_MS)),
        lastGrade: (last?.grade as QcGrade | undefined) ?? null,
        pass: own.length,
      };
    }),
  };
}

function groupBy<T>(rows: ReadonlyArray<T>, key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

export function reviewView(doc: QcReviewDoc, names: ReadonlyMap<string, string>): QcReviewView {
  return {
    id: doc._id,
    pass: doc.pass,
    grade: doc.grade,
    reviewer: names.get(doc.reviewer) ?? doc.reviewer,
    reviewedAt: doc.reviewed_at,
    defects: defectViews(doc.defects),
    remark: doc.remark,
    sendBack: doc.send_back,
  };
}

export function reviewsOf(data: ClinicData, encounterId: string): QcReviewView[] {
  const names = new Map(data.users.list().map((u) => [u.username, u.displayName]));
  return data.archive.reviewsOf(encounterId).flatMap((row) => {
    const parsed = qcReviewDoc.safeParse(data.store.get(row.id));
    return parsed.success ? [reviewView(parsed.data, names)] : [];
  });
}

function taskView(data: ClinicData, task: QcTaskDoc): QcTaskView {
  const patient = data.patients.byId(task.patient_id);
  const visit = data.encounters.byId(task.encounter_id);
  return {
    id: task._id,
    encounterId: task.encounter_id,
    noteId: task.note_id,
    patientName: patient?.name ?? '',
    visitDate: visit?.visitDate ?? task.created_at.slice(0, 10),
    defects: defectViews(task.defects),
    remark: task.remark,
    status: task.status,
    createdAt: task.created_at,
    answeredAt: task.answered_at,
  };
}

const readTask = (data: ClinicData, id: string) => readDocument<QcTaskDoc>(data, id, 'qc_task', '没有找到这项病案整改。');

export function checksOf(deps: QcDeps, encounterId: string): { encounterId: string; checks: ArchiveCheckView[]; reviews: QcReviewView[]; tasks: QcTaskView[] } {
  const record = readVisitRecord(deps, encounterId);
  return {
    encounterId,
    checks: runChecks(record, deps.icd, clinicZone(deps.data)),
    reviews: reviewsOf(deps.data, encounterId),
    tasks: deps.data.archive.tasksOf(encounterId).map((row) => taskView(deps.data, readTask(deps.data, row.id))),
  };
}

export interface ReviewInput {
  readonly encounterId: string;
  readonly grade: QcGrade;
  readonly defects: ReadonlyArray<QcDefect>;
  readonly remark: string;
  readonly sendBack: boolean;
}

/** A reviewer's pass over a visit; with `sendBack`, its defects go to the note's doctor as a task. */
export function reviewVisit(deps: QcDeps, actor: Actor, input: ReviewInput, now = new Date()): { reviewId: string; taskId: string | null } {
  const { data } = deps;
  const settings = requireSettings(data);
  if (input.sendBack && input.defects.length === 0) throw new ApiFailure('VALIDATION_FAILED', '退回医生整改时，请至少选择一项缺陷。');
  return data.store.transaction(() => {
    if (data.archive.caseOfEncounter(input.encounterId)) throw new ApiFailure('CONFLICT', '这次就诊已经归档，不能再评定。');
    const record = readVisitRecord(deps, input.encounterId);
    const reviews = data.archive.reviewsOf(input.encounterId);
    const tasks = data.archive.tasksOf(input.encounterId);
    if (queueStateOf(reviews, tasks) === 'returned') throw new ApiFailure('CONFLICT', '这份病历已退回医生整改，请等医生答复后再评定。');
    const stamp = documentStamp(settings.code, actor.username, now);
    const failed = runChecks(record, deps.icd, clinicZone(data))
      .filter((c) => !c.passed)
      .map((c) => c.code);
    const review: QcReviewDoc = {
      _id: `qc_review:${ulid(now.getTime())}`,
      type: 'qc_review',
      ...stamp,
      encounter_id: record.encounter._id,
      patient_id: record.patient._id,
      note_id: record.note._id,
      reviewer: actor.username,
      reviewed_at: stamp.created_at,
      pass: reviews.length + 1,
      grade: input.grade,
      defects: [...input.defects],
      remark: input.remark,
      failed_checks: failed,
      send_back: input.sendBack,
    };
    writeOne(data, review);
    if (!input.sendBack) return { reviewId: review._id, taskId: null };
    const task: QcTaskDoc = {
      _id: `qc_task:${ulid(now.getTime())}`,
      type: 'qc_task',
      ...stamp,
      encounter_id: review.encounter_id,
      patient_id: review.patient_id,
      note_id: review.note_id,
      review_id: review._id,
      doctor_username: record.note.doctor_username,
      defects: [...input.defects],
      remark: input.remark,
      status: 'open',
      answered_at: null,
      amendment_id: null,
      answer: '',
    };
    writeOne(data, qcTaskDoc.parse(task));
    return { reviewId: review._id, taskId: task._id };
  });
}

export function myTasks(data: ClinicData, actor: Actor): { tasks: QcTaskView[] } {
  return { tasks: data.archive.openTasksOf(actor.username).map((row) => taskView(data, readTask(data, row.id))) };
}

/** The doctor answers a task with an amendment of the task's note made after the task was given. */
export function answerTask(
  data: ClinicData,
  actor: Actor,
  input: { taskId: string; amendmentId: string; answer: string },
  now = new Date(),
): { taskId: string } {
  return data.store.transaction(() => {
    const task: Stored<QcTaskDoc> = readTask(data, input.taskId);
    if (task.doctor_username !== actor.username) throw new ApiFailure('FORBIDDEN', '这项整改是给另一位医生的，您不能答复。');
    if (task.status !== 'open') throw new ApiFailure('CONFLICT', '这项整改已经答复过了。');
    const amendment = amendmentDoc.safeParse(data.store.get(input.amendmentId));
    if (!amendment.success || amendment.data.target_id !== task.note_id)
      throw new ApiFailure('VALIDATION_FAILED', '请先对这份病历做修改记录（说明原因并签名），再答复整改。');
    if (amendment.data.created_at < task.created_at) throw new ApiFailure('VALIDATION_FAILED', '这份修改记录早于整改要求，请针对整改内容重新修改病历。');
    const at = now.toISOString();
    writeOne(data, {
      ...task,
      status: 'answered',
      answered_at: at,
      amendment_id: input.amendmentId,
      answer: input.answer,
      updated_at: at,
      updated_by: actor.username,
    });
    return { taskId: task._id };
  });
}
