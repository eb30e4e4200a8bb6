/**
 * The record room through the router: a completed, signed visit passes the automatic checks, is
 * graded and archived under a 病案号; a defect goes back to the doctor, is answered by an amendment,
 * and the visit is archived on the second pass; an archived case cannot be edited, and a late
 * document joins it only with 医务科's approval (AR-05).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveCaseId, CASE_NUMBER } from '../../../shared/docs/ids';
import { DOCTOR_PIN, openArchiveClinic } from './testing';

let c: Awaited<ReturnType<typeof openArchiveClinic>>;
beforeEach(async () => {
  c = await openArchiveClinic();
});
afterEach(() => c.t.close());

describe('archiving a visit', () => {
  it('checks, grades and archives a complete signed visit; the case is then immutable and leaves the queue', async () => {
    const { t, ok, archivist } = c;
    const visit = await c.completedVisit();
    const queue = ok(await t.call('archive.queue', {}, archivist));
    expect(queue.entries.map((e) => [e.encounterId, e.state])).toEqual([[visit.encounterId, 'to_review']]);
    const checks = ok(await t.call('archive.checks', { encounterId: visit.encounterId }, archivist));
    expect(checks.checks.filter((x) => !x.passed)).toEqual([]);

    // Archiving before grading is refused.
    expect(await t.call('archive.archive', { encounterId: visit.encounterId }, archivist)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ok(await t.call('archive.review', { encounterId: visit.encounterId, grade: '甲', defects: [], remark: '', sendBack: false }, archivist));
    const archived = ok(await t.call('archive.archive', { encounterId: visit.encounterId }, archivist));
    expect(archived.caseNumber).toMatch(CASE_NUMBER);
    expect(archived.caseNumber.startsWith('qingshan-')).toBe(true);
    expect(archived.caseNumber).toContain('-W01-');
    expect(ok(await t.call('archive.queue', {}, archivist)).entries).toEqual([]);
    expect(await t.call('archive.archive', { encounterId: visit.encounterId }, archivist)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const view = ok(await t.call('archive.case', { caseNumber: archived.caseNumber }, archivist));
    expect(view.documents.map((d) => d.type)).toEqual(expect.arrayContaining(['encounter', 'patient', 'outpatient_note', 'signature']));
    expect(view.documents.find((d) => d.type === 'outpatient_note')?.signature).toBe('verified');
    expect(view.infoPage).toMatchObject({ caseNumber: archived.caseNumber, patient: { name: '王小芳' }, diagnoses: [{ code: 'J06.000' }], qcGrade: '甲' });

    // The store refuses any local edit of the case, whoever asks.
    const stored = t.app.context.data.store.get(archiveCaseId(archived.caseNumber))!;
    const [edit] = t.app.context.data.store.bulkDocs([{ ...stored, qcGrade: '丙' }]);
    expect(edit).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await t.call('archive.review', { encounterId: visit.encounterId, grade: '丙', defects: [], remark: '', sendBack: false }, archivist)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('fails the checks of an incomplete note, sends the defect back, and archives after the doctor’s amendment', async () => {
    const { t, ok, archivist, doctor } = c;
    const visit = await c.completedVisit({ past_history: '' });
    const checks = ok(await t.call('archive.checks', { encounterId: visit.encounterId }, archivist));
    expect(checks.checks.find((x) => x.code === 'sections')).toMatchObject({ passed: false, problems: ['缺少“既往史”。'] });
    ok(
      await t.call(
        'archive.review',
        { encounterId: visit.encounterId, grade: '乙', defects: [{ code: 'missing_past_history', remark: '' }], remark: '请补既往史', sendBack: true },
        archivist,
      ),
    );
    expect(ok(await t.call('archive.queue', {}, archivist)).entries[0].state).toBe('returned');
    expect(await t.call('archive.archive', { encounterId: visit.encounterId }, archivist)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const [task] = ok(await t.call('archive.myTasks', {}, doctor)).tasks;
    expect(task).toMatchObject({ noteId: visit.noteId, defects: [{ code: 'missing_past_history', label: '初诊未写既往史' }] });
    const content = c.amendedContent(visit.noteId, { past_history: '否认高血压、糖尿病史。' });
    const amended = ok(await t.call('amendments.create', { targetId: visit.noteId, reason: '病案整改：补写既往史', content, pin: DOCTOR_PIN }, doctor));
    ok(await t.call('archive.answerTask', { taskId: task.id, amendmentId: amended.targetId, answer: '已补写' }, doctor));
    expect(ok(await t.call('archive.myTasks', {}, doctor)).tasks).toEqual([]);
    expect(ok(await t.call('archive.queue', {}, archivist)).entries[0].state).toBe('answered');

    expect(ok(await t.call('archive.checks', { encounterId: visit.encounterId }, archivist)).checks.every((x) => x.passed)).toBe(true);
    ok(await t.call('archive.review', { encounterId: visit.encounterId, grade: '甲', defects: [], remark: '', sendBack: false }, archivist));
    const archived = ok(await t.call('archive.archive', { encounterId: visit.encounterId }, archivist));
    const view = ok(await t.call('archive.case', { caseNumber: archived.caseNumber }, archivist));
    expect(view.documents.filter((d) => d.type === 'amendment')).toHaveLength(1);
    expect(view.reviews.map((r) => [r.pass, r.grade, r.sendBack])).toEqual([
      [1, '乙', true],
      [2, '甲', false],
    ]);
  });

  it('adds a late amendment to an archived case only once 医务科 approves, and keeps the request with the case', async () => {
    const { t, ok, archivist, doctor, affairs } = c;
    const visit = await c.completedVisit();
    ok(await t.call('archive.review', { encounterId: visit.encounterId, grade: '甲', defects: [], remark: '', sendBack: false }, archivist));
    const { caseNumber } = ok(await t.call('archive.archive', { encounterId: visit.encounterId }, archivist));
    const content = c.amendedContent(visit.noteId, { plan: '多饮水，3 天后复诊。' });
    const late = ok(await t.call('amendments.create', { targetId: visit.noteId, reason: '补充复诊时间', content, pin: DOCTOR_PIN }, doctor));
    let view = ok(await t.call('archive.case', { caseNumber }, archivist));
    expect(view.documents.some((d) => d.id === late.targetId)).toBe(false);
    expect(view.lateDocuments.map((d) => d.id)).toContain(late.targetId);

    const { changeId } = ok(await t.call('archive.requestChange', { caseNumber, reason: '归档后医生补充复诊时间', documentIds: [late.targetId] }, affairs));
    // The archivist may ask but not approve; nobody approves their own request.
    expect(await t.call('archive.decideChange', { changeId, approve: true, note: '' }, archivist)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('archive.decideChange', { changeId, approve: true, note: '' }, affairs)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const second = ok(await t.call('archive.requestChange', { caseNumber, reason: '同一修改由病案室提出', documentIds: [late.targetId] }, archivist));
    expect(ok(await t.call('archive.pendingChanges', {}, affairs)).changes.map((x) => x.id)).toEqual([changeId, second.changeId]);
    ok(await t.call('archive.decideChange', { changeId: second.changeId, approve: true, note: '同意' }, affairs));
    expect(await t.call('archive.decideChange', { changeId: second.changeId, approve: false, note: '改主意' }, affairs)).toMatchObject({ ok: false });

    view = ok(await t.call('archive.case', { caseNumber }, archivist));
    expect(view.documents.find((d) => d.id === late.targetId)?.addedByChange).toBe(second.changeId);
    expect(view.changes.find((x) => x.id === second.changeId)).toMatchObject({ status: 'approved', reason: '同一修改由病案室提出', decidedBy: 'he.yiwu' });
  });

  it('moves the retention date on with the patient’s next visit', async () => {
    const { t, ok, archivist } = c;
    const visit = await c.completedVisit();
    ok(await t.call('archive.review', { encounterId: visit.encounterId, grade: '甲', defects: [], remark: '', sendBack: false }, archivist));
    const { caseNumber, retentionUntil } = ok(await t.call('archive.archive', { encounterId: visit.encounterId }, archivist));
    const today = t.app.context.data.encounters.byId(visit.encounterId)!.visitDate;
    expect(retentionUntil).toBe(`${Number(today.slice(0, 4)) + 15}${today.slice(4)}`);
    const later = { ...t.app.context.data.store.get(visit.encounterId)!, _id: 'encounter:01KZ0000000000000000000001', visit_date: '2031-06-01' };
    delete (later as { _rev?: string })._rev;
    expect(t.app.context.data.store.bulkDocs([later])[0].ok).toBe(true);
    expect(ok(await t.call('archive.case', { caseNumber }, archivist)).retentionUntil).toBe('2046-06-01');
  });
});
