import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import { openTestApp } from '../app/testing';
import { readDrawnText } from '../print/certified-copy/drawn-text';
import { verifyCopyPdf } from '../print/certified-copy/verify';
import { storeLedger } from '../services/copies/ledger';
import { ARCHIVED_COMPLAINT, LATER_COMPLAINT, writeArchivedCase } from '../services/copies/testing/archived-case';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;

describe('certified copies through the router', () => {
  let t: TestApp;
  let archivist = '';
  let affairs = '';
  let patientId = '';
  const caseNumber = 'qingshan-2026-W01-00001';

  const login = async (username: string, roles: Array<'archivist' | 'medical_affairs'>) => {
    const created = await t.call(
      'admin.createUser',
      { username, displayName: username === 'zhao.ba' ? '赵病案' : '钱医务', roles, departmentCodes: [], password: 'Record2026' },
      t.adminSession,
    );
    if (!created.ok) throw new Error(created.error.message);
    const session = await t.call('auth.login', { username, password: 'Record2026' });
    if (!session.ok) throw new Error(session.error.message);
    return session.value.sessionToken;
  };

  beforeAll(async () => {
    t = await openTestApp({ initialized: true });
    archivist = await login('zhao.ba', ['archivist']);
    affairs = await login('qian.yw', ['medical_affairs']);
    patientId = writeArchivedCase(t.app.context.data.store, 'qingshan', caseNumber).patientId;
  }, 60_000);
  afterAll(() => t.close());

  const request = (extra: Partial<InputOf<'copies.request'>> = {}): InputOf<'copies.request'> => ({
    patientId,
    caseNumbers: [caseNumber],
    applicant: { kind: 'agent', name: '王大', id_tail: '0012' },
    purpose: '异地就医报销',
    documentsSeen: ['patient_id', 'agent_id', 'agency_proof', 'authorisation_letter'],
    parts: ['information_page', 'outpatient_record', 'prescriptions'],
    ...extra,
  });

  it('refuses a request without the documents the applicant must bring, naming them, and saves nothing', async () => {
    const before = t.app.context.data.store.info().updateSeq;
    const refused = await t.call('copies.request', request({ documentsSeen: ['patient_id'] }), archivist);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!refused.ok && refused.error.message).toContain('授权委托书');
    // Only the refusal's own audit event is written.
    const written = t.app.context.data.store.changes({ since: before, includeDocs: true }).results.map((r) => r.doc?.type);
    expect(written).toEqual(['audit']);
    expect(t.app.context.data.copies.requests()).toEqual([]);
  });

  it('requests, approves and prints a copy of the archived revision that verifies as genuine; the log cannot be edited', async () => {
    const made = await t.call('copies.request', request(), archivist);
    if (!made.ok) throw new Error(made.error.message);
    expect(await t.call('copies.print', { id: made.value.id }, archivist)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('copies.decide', { id: made.value.id, approve: true }, archivist)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('copies.decide', { id: made.value.id, approve: true }, affairs)).toMatchObject({ ok: true, value: { status: 'approved' } });

    const printed = await t.call('copies.print', { id: made.value.id }, archivist);
    if (!printed.ok) throw new Error(printed.error.message);
    const bytes = Buffer.from(printed.value.pdfBase64, 'base64');
    const text = readDrawnText(await PDFDocument.load(bytes))
      .pages.flat()
      .join('\n');
    expect(text).toContain(ARCHIVED_COMPLAINT);
    expect(text).not.toContain(LATER_COMPLAINT);
    expect(text).toContain('王䶮');
    expect((await verifyCopyPdf(bytes, storeLedger(t.app.context.data.store))).status).toBe('genuine');

    const disclosure = t.app.context.data.store.get(printed.value.copyId)!;
    expect(disclosure).toMatchObject({ type: 'disclosure', pages: printed.value.pages, applicant: { kind: 'agent' } });
    const [edit] = t.app.context.data.store.bulkDocs([{ ...disclosure, purpose: '改过的用途' }]);
    expect(edit).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await t.call('copies.print', { id: made.value.id }, archivist)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const logged = await t.call('copies.disclosures', {}, archivist);
    expect(logged.ok && logged.value.disclosures.map((d) => d.id)).toEqual([printed.value.copyId]);
  }, 60_000);
});
