/**
 * The doctor's queue and 叫号: today's visits of the department for this doctor (theirs and those
 * registered to no doctor), waiting first in call order, then those set aside (过号), those in the
 * room, and the finished ones. Moves go through the visit state machine (shared/clinical/visit-state.ts).
 */
import { ApiFailure, type QueueVisit, type VisitAction } from '../../../shared/api';
import { applyVisitPatch, visitTransition, type VisitEvent } from '../../../shared/clinical/visit-state';
import type { EncounterDoc } from '../../../shared/docs/encounter';
import { chinaDateOf } from '../../../shared/identity';
import type { EncounterRow } from '../../../db/queries';
import type { ClinicData } from '../clinic-data';
import { requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { byCallOrder, byRegistration, placeInDay, visitNames, visitView, type VisitNames } from '../visits/visit-views';
import { readEncounter, writeOne } from './records';

/** Where each visit stands in the doctor's list: waiting first (EXPECTED by the issue), finished last. */
function group(row: EncounterRow): number {
  if (row.status === 'waiting') return row.passedAt ? 1 : 0;
  return { in_progress: 2, completed: 3, cancelled: 4 }[row.status] ?? 5;
}

const byQueueOrder = (a: EncounterRow, b: EncounterRow) => group(a) - group(b) || (group(a) === 0 ? byCallOrder(a, b) : byRegistration(a, b));

export function doctorDepartment(actor: Actor, requested?: string): string {
  const department = requested ?? actor.departmentCodes[0];
  if (!department) throw new ApiFailure('FORBIDDEN', '您的账号还没有设置出诊科室，请系统管理员在“管理 → 用户”里设置。');
  return department;
}

const isMine = (actor: Actor) => (row: EncounterRow) => row.doctorUsername === null || row.doctorUsername === actor.username;

export function queueVisitOf(data: ClinicData, row: EncounterRow, day: ReadonlyArray<EncounterRow>, names: VisitNames): QueueVisit {
  return {
    ...visitView(data, row, data.documents.winningRev(row.id) ?? '', placeInDay(row, day), names),
    passed: row.passedAt !== null,
    callCount: row.callCount ?? 0,
    calledAt: row.calledAt,
  };
}

export function doctorQueue(data: ClinicData, actor: Actor, input: { departmentCode?: string }, now = new Date()) {
  const date = chinaDateOf(now);
  const departmentCode = doctorDepartment(actor, input.departmentCode);
  const day = data.encounters.ofDay(date, { departmentCode });
  const names = visitNames(data, requireSettings(data));
  const visits = day
    .filter(isMine(actor))
    .sort(byQueueOrder)
    .map((row) => queueVisitOf(data, row, day, names));
  return { date, departmentCode, visits };
}

function moved(data: ClinicData, id: string): QueueVisit {
  const row = data.encounters.byId(id);
  if (!row) throw new Error(`visit ${id} is not in the projection`);
  return queueVisitOf(data, row, data.encounters.ofDay(row.visitDate, { departmentCode: row.departmentCode }), visitNames(data, requireSettings(data)));
}

function apply(data: ClinicData, visit: EncounterDoc & { _rev: string }, event: VisitEvent, actor: Actor): void {
  const result = visitTransition(
    { status: visit.status, passedAt: visit.passed_at, callCount: visit.call_count, doctorUsername: visit.doctor_username },
    event,
  );
  if (!result.ok) throw new ApiFailure('CONFLICT', result.reason);
  writeOne(data, { ...applyVisitPatch(visit, result.patch), updated_at: event.at, updated_by: actor.username });
}

/** 叫号: the first waiting patient of the doctor's queue comes in. */
export function callNext(data: ClinicData, actor: Actor, input: { departmentCode: string }, now = new Date()): QueueVisit {
  const at = now.toISOString();
  return data.store.transaction(() => {
    const day = data.encounters.ofDay(chinaDateOf(now), { departmentCode: input.departmentCode });
    const current = day.find((row) => row.status === 'in_progress' && row.doctorUsername === actor.username);
    if (current) {
      const name = data.patients.byId(current.patientId)?.name ?? '';
      throw new ApiFailure('CONFLICT', `${name}（${current.visitNumber}）还在就诊中，请先结束就诊或按“过号”，再叫下一位。`);
    }
    const next = day.filter((row) => row.status === 'waiting' && !row.passedAt && isMine(actor)(row)).sort(byCallOrder)[0];
    if (!next) throw new ApiFailure('NOT_FOUND', '现在没有候诊的患者。');
    apply(data, readEncounter(data, next.id), { kind: 'call', doctor: actor.username, at }, actor);
    return moved(data, next.id);
  });
}

/** 重呼, 过号, 回队 and 结束就诊 on one visit. */
export function visitAction(data: ClinicData, actor: Actor, input: { id: string; action: VisitAction }, now = new Date()): QueueVisit {
  const at = now.toISOString();
  return data.store.transaction(() => {
    const visit = readEncounter(data, input.id);
    const doctor = actor.username;
    const event: VisitEvent =
      input.action === 'complete' ? { kind: 'complete', doctor, at, note: noteReadiness(data, input.id) } : { kind: input.action, doctor, at };
    apply(data, visit, event, actor);
    if (input.action === 'complete') data.store.drafts.delete(actor.username, noteDraftKey(input.id));
    return moved(data, input.id);
  });
}

function noteReadiness(data: ClinicData, encounterId: string) {
  const note = data.outpatient.notesOfEncounter(encounterId)[0];
  return note ? { signed: note.status === 'signed', diagnosisCount: note.diagnosisCount } : null;
}

/** The local draft of a visit's note (shared/docs/draft.ts: one per owner and key). */
export const noteDraftKey = (encounterId: string) => `note:${encounterId}`;
