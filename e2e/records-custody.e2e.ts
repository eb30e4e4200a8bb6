import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, InputOf, MethodName, OutputOf } from '../shared/api';
import { EXAMPLE_ARCHIVE_CASE } from '../shared/docs/examples';
import { clinicDate } from '../shared/time/clinic-time';
import { openClinicDatabase } from '../db/open';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { RecordsCustodyPage } from './pages/records-custody.page';

// Lending and sealing (issue 10 items 5 and 6; SCENARIOS.md 4): a case lent to a doctor for one day
// and read through the grant, a paper folder lent and returned by its barcode, a case sealed by both
// sides and then hidden from the archivist, unsealing refused without approval and done with it.

const CASE = `${TEST_CLINIC.code}-2026-W01-00001`;
const USERS = {
  archivist: { username: 'bailan', displayName: '白兰', password: 'Bailan2026ok', roles: ['archivist' as const] },
  medical: { username: 'yangzq', displayName: '杨志强', password: 'Yangzq2026ok', roles: ['medical_affairs' as const] },
  doctor: { username: 'drli', displayName: '李医生', password: 'Drli2026ok', roles: ['doctor' as const] },
};

/** A call expected to be refused: its error, not a thrown exception. */
async function attempt<N extends MethodName>(server: ClinicServer, method: N, input: InputOf<N>, session: string): Promise<ApiResult<OutputOf<N>>> {
  const response = await fetch(`${server.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Clinic-Token': server.token },
    body: JSON.stringify({ method, input, session }),
  });
  return (await response.json()) as ApiResult<OutputOf<N>>;
}

describe('病案 借阅与封存', () => {
  let server: ClinicServer;
  let browser: BrowserSession;
  let page: RecordsCustodyPage;
  const session = { archivist: '', medical: '', doctor: '' };
  let encounter = { id: '', rev: '' };

  beforeAll(async () => {
    server = await startClinicServer();
    await setUpClinic(server);
    const admin = (await invoke(server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword })).sessionToken;
    for (const [key, user] of Object.entries(USERS)) {
      await invoke(server, 'admin.createUser', { ...user, roles: [...user.roles], departmentCodes: ['03'] }, admin);
      session[key as keyof typeof session] = (await invoke(server, 'auth.login', { username: user.username, password: user.password })).sessionToken;
    }
    const patient = await invoke(
      server,
      'patients.register',
      { patient: { name: '王䶮', sex: '1', birthDate: '1958-02-11', cards: [], allergies: [] }, acknowledgedDuplicates: false },
      session.doctor,
    );
    // The archive's own methods archive a completed visit; here the case is written as archiving leaves it.
    const db = openClinicDatabase(path.join(server.dataDir, 'clinic.sqlite'));
    try {
      const at = new Date().toISOString();
      const stamp = { schema_version: 1, clinic_code: TEST_CLINIC.code, created_at: at, created_by: 'bailan', updated_at: at, updated_by: 'bailan' };
      const patientId = patient.patient.id;
      const [visit] = db.store.bulkDocs([
        {
          ...stamp,
          _id: 'encounter:01JQ0000000000000000000099',
          type: 'encounter',
          patient_id: patientId,
          department_code: '03',
          visit_type: 'first',
          fee_category: 'self',
          visit_number: 'W01-20260301-0001',
          visit_date: '2026-03-01',
          registered_at: at,
          status: 'completed',
        },
      ]);
      if (!visit.ok) throw new Error(visit.reason);
      encounter = { id: visit.id, rev: visit.rev };
      const [archived] = db.store.bulkDocs([
        {
          ...EXAMPLE_ARCHIVE_CASE,
          ...stamp,
          _id: `archive_case:${CASE}`,
          caseNumber: CASE,
          patientId,
          encounterId: visit.id,
          departmentCode: '03',
          documents: [encounter],
        },
      ]);
      if (!archived.ok) throw new Error(archived.reason);
    } finally {
      db.close();
    }
    browser = await openBrowser();
    page = new RecordsCustodyPage(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const loginAs = async (who: keyof typeof USERS) => {
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(USERS[who].username, USERS[who].password);
  };

  it('lends the case to a doctor for one day; the doctor opens it through the grant and the audit names the grant', async () => {
    const today = clinicDate(new Date());
    const grant = await invoke(
      server,
      'custody.grantAccess',
      { grantee: USERS.doctor.username, caseNumbers: [CASE], purpose: 'treatment', reason: '复诊参考既往病历', from: today, until: today },
      session.medical,
    );
    await loginAs('doctor');
    await page.openTab('my-grants');
    await page.openGrantedCase(CASE);
    await page.grantedCase().waitFor();
    expect(await page.grantedCase().textContent()).toContain(CASE);
    await screenshot(browser.page, 'records-custody-granted-case');
    const db = openClinicDatabase(path.join(server.dataDir, 'clinic.sqlite'));
    try {
      const reads = db.store
        .changes({ includeDocs: true })
        .results.map((row) => row.doc!)
        .filter((doc) => doc.type === 'audit' && doc.action === 'custody.openCase');
      expect(reads.map((doc) => doc.target_ids)).toEqual([expect.arrayContaining([grant.id, `archive_case:${CASE}`, encounter.id])]);
    } finally {
      db.close();
    }
    const tooLong = await attempt(
      server,
      'custody.grantAccess',
      { grantee: USERS.doctor.username, caseNumbers: [CASE], purpose: 'research', reason: '课题研究', from: today, until: '2099-01-01' },
      session.medical,
    );
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('lends the paper folder by its barcode and takes it back by scanning it again', async () => {
    await new HomePage(browser.page).logout();
    await loginAs('archivist');
    await page.openTab('lending');
    await page.scanFolder(`BA-${CASE}`);
    await page.lend({ borrowerName: '李医生', reason: '复诊参考', approverName: '杨志强', dueDate: clinicDate(new Date()) });
    await expect.poll(() => page.loanRows().count()).toBe(1);
    await page.scanFolder(`BA-${CASE}`);
    await page.returnFolder();
    await expect.poll(() => page.loanRows().count()).toBe(0);
    expect(await page.notice().textContent()).toContain('已归还');
  });

  it('seals with both confirmations, hides the case from the archivist, refuses unsealing without approval, then unseals with it', async () => {
    const preview = await invoke(server, 'custody.sealPreview', { caseNumbers: [CASE] }, session.medical);
    const side = { role: 'agent' as const, name: '王小明', id_number: '110101199001011234' };
    const oneSide = await attempt(
      server,
      'custody.seal',
      {
        caseNumbers: [CASE],
        reason: '家属对治疗有异议',
        confirmation: { listSm3: preview.listSm3, patientSide: side, patientConfirmed: true, institutionConfirmed: false },
      },
      session.medical,
    );
    expect(oneSide).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const seal = await invoke(
      server,
      'custody.seal',
      {
        caseNumbers: [CASE],
        reason: '家属对治疗有异议',
        confirmation: { listSm3: preview.listSm3, patientSide: side, patientConfirmed: true, institutionConfirmed: true },
      },
      session.medical,
    );
    expect(seal.status).toBe('sealed');
    expect(await invoke(server, 'custody.folderStatus', { code: `BA-${CASE}` }, session.archivist)).toMatchObject({ known: false });
    expect(await invoke(server, 'custody.paperLoans', { outOnly: false }, session.archivist)).toMatchObject({ loans: [] });
    expect(await attempt(server, 'custody.seals', {}, session.archivist)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const unseal = { sealId: seal.id, kind: 'approved' as const, reason: '纠纷已调解结案', patientSide: side };
    expect(await attempt(server, 'custody.unseal', unseal, session.medical)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await invoke(server, 'custody.approveUnseal', { sealId: seal.id, reason: '纠纷已调解结案' }, session.medical);
    expect(await invoke(server, 'custody.unseal', unseal, session.medical)).toMatchObject({ status: 'unsealed' });
    expect(await invoke(server, 'custody.folderStatus', { code: `BA-${CASE}` }, session.archivist)).toMatchObject({ known: true });
  });
});
