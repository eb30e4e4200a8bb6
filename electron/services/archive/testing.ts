/** A clinic with a doctor and an archivist, and completed, signed visits made through the router as the screens make them. */
import { expect } from 'vitest';
import { CLINIC_DOCUMENT_TYPES } from '../../../shared/docs';
import type { NoteContent } from '../../../shared/docs/outpatient-note';
import { openTestApp } from '../../app/testing';

export const DOCTOR_PIN = '802613';
const DOCTOR = { username: 'li.yisheng', displayName: '李医生', roles: ['doctor' as const], departmentCodes: ['03'], password: 'Doctor2026' };
const DESK = { username: 'wang.guahao', displayName: '王挂号', roles: ['registrar' as const], departmentCodes: [], password: 'Regist2026' };
const ARCHIVIST = { username: 'bai.bingan', displayName: '白病案', roles: ['archivist' as const], departmentCodes: ['BA'], password: 'Archive2026' };
const AFFAIRS = { username: 'he.yiwu', displayName: '何医务', roles: ['medical_affairs' as const], departmentCodes: [], password: 'Affairs2026' };

export const NOTE: NoteContent = {
  chief_complaint: '咽痛 2 天',
  present_illness: '2 天前受凉后咽痛，无发热。',
  past_history: '否认慢性病史。',
  allergy_history: '否认药物过敏史',
  personal_history: '',
  physical_exam: '咽部充血，双侧扁桃体无肿大。',
  auxiliary_exams: '',
  plan: '多饮水，对症治疗。',
  vitals: {},
  diagnoses: [{ code: 'J06.000', code_system: 'yb2', version: '2.0', name: '急性咽喉炎', position: 'primary', certainty: 'confirmed' }],
  copy_marks: [],
};

export async function openArchiveClinic() {
  const t = await openTestApp({ initialized: true });
  const sessions: Record<string, string> = {};
  for (const user of [DOCTOR, DESK, ARCHIVIST, AFFAIRS]) {
    expect((await t.call('admin.createUser', user, t.adminSession)).ok).toBe(true);
    const login = await t.call('auth.login', { username: user.username, password: user.password });
    if (!login.ok) throw new Error(login.error.message);
    sessions[user.username] = login.value.sessionToken;
  }
  const doctor = sessions[DOCTOR.username];
  expect((await t.call('signing.setPin', { pin: DOCTOR_PIN }, doctor)).ok).toBe(true);

  const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  /** Registers, calls, writes, signs and completes one visit; returns its ids. */
  const completedVisit = async (content: Partial<NoteContent> = {}, patientName = '王小芳') => {
    const desk = sessions[DESK.username];
    const patient = ok(
      await t.call(
        'patients.register',
        { patient: { name: patientName, sex: '2', birthDate: '1980-05-06', cards: [], allergies: [] }, acknowledgedDuplicates: true },
        desk,
      ),
    );
    const visit = ok(await t.call('visits.register', { patientId: patient.patient.id, departmentCode: '03', visitType: 'first', feeCategory: 'self' }, desk));
    ok(await t.call('outpatient.callNext', { departmentCode: '03' }, doctor));
    const note = ok(await t.call('outpatient.saveNote', { encounterId: visit.id, content: { ...NOTE, ...content } }, doctor));
    ok(await t.call('signing.sign', { targetId: note.id, pin: DOCTOR_PIN }, doctor));
    ok(await t.call('outpatient.visitAction', { id: visit.id, action: 'complete' }, doctor));
    return { encounterId: visit.id, noteId: note.id, patientId: patient.patient.id };
  };

  /** The note's full content with some parts changed, as an amendment carries it. */
  const amendedContent = (noteId: string, changes: Partial<NoteContent>): Record<string, unknown> => {
    const note = t.app.context.data.store.get(noteId)!;
    const fields = CLINIC_DOCUMENT_TYPES.outpatient_note.signing?.contentFields ?? [];
    const merged: Record<string, unknown> = { ...note, ...changes };
    return Object.fromEntries(fields.map((field) => [field, merged[field] ?? null]));
  };

  return {
    t,
    ok,
    amendedContent,
    completedVisit,
    doctor,
    archivist: sessions[ARCHIVIST.username],
    affairs: sessions[AFFAIRS.username],
    desk: sessions[DESK.username],
  };
}
