/**
 * 病案查询 and the scan desk through the router: full-text search with marks, the sealed-case rule,
 * audited reads, import of a scanned PDF read by tesseract and then found by search, and refusal
 * of a corrupt file with nothing saved.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePatient } from '../../db/testing/fixtures';
import { EXAMPLE_ARCHIVE_CASE, EXAMPLE_OUTPATIENT_NOTE } from '../../shared/docs/examples';
import { DATABASE_FILE } from '../app/clinic-app';
import { openTestApp } from '../app/testing';
import { ocrQueueFor } from '../services/scans/ocr-queue';
import { knownTextPdf } from '../services/scans/testing/known-page';

let t: Awaited<ReturnType<typeof openTestApp>>;
let archivist = '';
let medicalAffairs = '';
const patient = makePatient(7, { name: '王䶮' });
const stamp = { clinic_code: 'qingshan', created_by: 'li.ming', updated_by: 'li.ming' };
const note = (id: string, encounter: string, complaint: string) => ({
  ...EXAMPLE_OUTPATIENT_NOTE,
  ...stamp,
  _id: `outpatient_note:${id}`,
  encounter_id: `encounter:${encounter}`,
  patient_id: patient._id,
  chief_complaint: complaint,
  status: 'signed',
});
const caseOf = (caseNumber: string, encounter: string) => ({
  ...EXAMPLE_ARCHIVE_CASE,
  ...stamp,
  _id: `archive_case:${caseNumber}`,
  caseNumber,
  patientId: patient._id,
  encounterId: `encounter:${encounter}`,
});

beforeEach(async () => {
  t = await openTestApp({ initialized: true });
  const users = [
    { username: 'bai.lan', displayName: '白兰', roles: ['archivist' as const], departmentCodes: [], password: 'Archive2026' },
    { username: 'zhou.yiwu', displayName: '周医务', roles: ['medical_affairs' as const], departmentCodes: [], password: 'Affairs2026' },
  ];
  const sessions: string[] = [];
  for (const user of users) {
    expect((await t.call('admin.createUser', user, t.adminSession)).ok).toBe(true);
    const login = await t.call('auth.login', { username: user.username, password: user.password });
    if (!login.ok) throw new Error(login.error.code);
    sessions.push(login.value.sessionToken);
  }
  [archivist, medicalAffairs] = sessions;
  const { data } = t.app.context;
  const written = data.store.bulkDocs([
    patient,
    note('01JQ00000000000000000000A1', '01JQ00000000000000000000E1', '社区获得性肺炎，咳嗽三天，HbA1c 7.2%'),
    note('01JQ00000000000000000000A2', '01JQ00000000000000000000E2', '右下肺炎复查，咳嗽好转'),
    caseOf('qingshan-2025-W01-00001', '01JQ00000000000000000000E1'),
    caseOf('qingshan-2025-W01-00002', '01JQ00000000000000000000E2'),
  ]);
  expect(written.every((r) => r.ok)).toBe(true);
  // The seal projection (封存) writes this row; the search only reads it.
  const sqlite = new Database(path.join(t.dataDir, DATABASE_FILE));
  sqlite
    .prepare("INSERT INTO case_seals (case_number, seal_id, state, sealed_at) VALUES (?, 'seal:x', 'sealed', '2025-04-01T00:00:00Z')")
    .run('qingshan-2025-W01-00002');
  sqlite.close();
});
afterEach(() => t.close());

const auditedReads = () =>
  t.app.context.data.store
    .changes({ includeDocs: true })
    .results.map((row) => row.doc!)
    .filter((doc) => doc.type === 'audit' && doc.action === 'records.search')
    .map((doc) => doc.target_ids as string[]);

describe('records.search', () => {
  it('finds a two-character word inside a longer one, marks it, ranks, and audits the read', async () => {
    const found = await t.call('records.search', { text: '肺炎' }, archivist);
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.results.map((r) => r.caseNumber)).toEqual(['qingshan-2025-W01-00001']);
    const [hit] = found.value.results;
    expect(hit).toMatchObject({ patient: { name: '王䶮' }, title: '门诊病历', matchedIn: '病历正文', machineRead: false, qcGrade: '甲' });
    expect(hit.snippet!.filter((p) => p.mark).map((p) => p.text)).toEqual(['肺炎']);
    expect(auditedReads().at(-1)).toEqual(expect.arrayContaining([hit.recordId]));
  });

  it('finds Latin and number tokens by prefix and single characters', async () => {
    for (const text of ['hba1c', 'HbA', '7.2', '咳']) {
      const found = await t.call('records.search', { text }, archivist);
      expect(found.ok && found.value.results.length, text).toBe(1);
    }
  });

  it('never shows a sealed case to a user without archive.seal, not even by its number', async () => {
    const hidden = await t.call('records.search', { text: '', caseNumber: 'qingshan-2025-W01-00002' }, archivist);
    expect(hidden.ok && hidden.value).toEqual({ results: [], more: false });
    const all = await t.call('records.search', { text: '咳嗽' }, medicalAffairs);
    expect(all.ok && all.value.results.map((r) => r.caseNumber).sort()).toEqual(['qingshan-2025-W01-00001', 'qingshan-2025-W01-00002']);
  });

  it('filters by patient (name, pinyin initials), diagnosis code and ICD chapter', async () => {
    for (const patientQuery of ['王䶮', 'wy']) {
      const byPatient = await t.call('records.search', { patient: patientQuery, text: '' }, medicalAffairs);
      expect(byPatient.ok && byPatient.value.results.length, patientQuery).toBe(2);
    }
    const byChapter = await t.call('records.search', { diagnosis: 'I00-I99' }, medicalAffairs);
    expect(byChapter.ok && byChapter.value.results.length).toBe(2);
    const otherChapter = await t.call('records.search', { diagnosis: 'J00-J99' }, medicalAffairs);
    expect(otherChapter.ok && otherChapter.value.results.length).toBe(0);
    const chapters = await t.call('records.chapters', {}, archivist);
    expect(chapters.ok && chapters.value.some((c) => c.range === 'J00-J99')).toBe(true);
  });
});

describe('scanned paper records', () => {
  it('imports a PDF as pages, reads them with tesseract, and finds the machine-read text', async () => {
    const pdf = await knownTextPdf([['门诊病历', '主诉：反复胸闷气短两年'], ['诊断：慢性阻塞性肺疾病']]);
    const imported = await t.call(
      'records.importPages',
      { patientId: patient._id, title: '2019年门诊病历', file: { name: '旧病历.pdf', dataBase64: Buffer.from(pdf).toString('base64') } },
      archivist,
    );
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.added).toBe(2);
    expect(imported.value.pageSet.pages.map((p) => p.contentType)).toEqual(['image/png', 'image/png']);
    await ocrQueueFor(t.app.context.data).whenIdle();
    const status = await t.call('records.ocrStatus', {}, archivist);
    expect(status.ok && status.value).toMatchObject({ available: true, done: 2, failed: 0, pending: 0 });
    const found = await t.call('records.search', { text: '胸闷' }, archivist);
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.results).toHaveLength(1);
    expect(found.value.results[0]).toMatchObject({ kind: 'page_set', title: '2019年门诊病历', machineRead: true, matchedIn: '扫描页（机器识别）' });
    const image = await t.call('records.pageImage', { id: imported.value.pageSet.id, attachment: imported.value.pageSet.pages[1].attachment }, archivist);
    expect(image.ok && Buffer.from(image.value.dataBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');

    const [first, second] = imported.value.pageSet.pages;
    const arranged = await t.call(
      'records.arrangePages',
      { id: imported.value.pageSet.id, rev: imported.value.pageSet.rev, pages: [{ attachment: second.attachment, rotation: 90 }], complete: true },
      archivist,
    );
    expect(arranged.ok && arranged.value.pages.map((p) => [p.attachment, p.rotation])).toEqual([[second.attachment, 90]]);
    expect(first.attachment).not.toBe(second.attachment);
    const afterComplete = await t.call(
      'records.arrangePages',
      { id: imported.value.pageSet.id, rev: arranged.ok ? arranged.value.rev : '', pages: [{ attachment: second.attachment, rotation: 0 }], complete: false },
      archivist,
    );
    expect(afterComplete).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, 60_000);

  it('refuses a corrupt image or PDF with a clear message and saves nothing', async () => {
    const pdf = Buffer.from(await knownTextPdf([['测试']]));
    const before = t.app.context.data.store.changes({}).results.length;
    for (const [name, bytes] of [
      ['坏.pdf', pdf.subarray(0, pdf.length / 2)],
      ['坏.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      ['说明.txt', Buffer.from('不是图片')],
    ] as const) {
      const result = await t.call(
        'records.importPages',
        { patientId: patient._id, title: '坏文件', file: { name, dataBase64: bytes.toString('base64') } },
        archivist,
      );
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(name);
    }
    const pageSets = t.app.context.data.store.changes({ includeDocs: true }).results.filter((row) => row.doc?.type === 'page_set');
    expect(pageSets).toHaveLength(0);
    expect(t.app.context.data.store.changes({}).results.length - before).toBeLessThanOrEqual(3);
  });

  it('makes a folder label: Code 128 of BA-<病案号> as PNG and PDF', async () => {
    const label = await t.call('records.folderLabel', { caseNumber: 'qingshan-2025-W01-00001' }, archivist);
    if (!label.ok) throw new Error(label.error.message);
    expect(label.value.barcode).toBe('BA-qingshan-2025-W01-00001');
    expect(Buffer.from(label.value.pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(Buffer.from(label.value.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
