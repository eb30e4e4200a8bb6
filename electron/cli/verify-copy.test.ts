import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../app/testing';
import { changeOneCharacter } from '../print/certified-copy/testing/fixture';
import { writeArchivedCase } from '../services/copies/testing/archived-case';
import { runVerifyCopy } from './verify-copy';

describe('npm run cli -- verify-copy', () => {
  let dataDir = '';
  let files: { genuine: string; altered: string; foreign: string };

  beforeAll(async () => {
    const t = await openTestApp({ initialized: true });
    dataDir = t.dataDir;
    const { patientId, caseNumber } = writeArchivedCase(t.app.context.data.store, 'qingshan', 'qingshan-2026-W01-00002');
    // The administrator holds no record-room role: a record-room account approves and prints.
    const created = await t.call(
      'admin.createUser',
      { username: 'qian.yw', displayName: '钱医务', roles: ['medical_affairs'], departmentCodes: [], password: 'Record2026' },
      t.adminSession,
    );
    if (!created.ok) throw new Error(created.error.message);
    const login = await t.call('auth.login', { username: 'qian.yw', password: 'Record2026' });
    if (!login.ok) throw new Error(login.error.message);
    const session = login.value.sessionToken;
    const request = await t.call(
      'copies.request',
      {
        patientId,
        caseNumbers: [caseNumber],
        applicant: { kind: 'patient', name: '王䶮', id_tail: '001X' },
        purpose: '自留',
        documentsSeen: ['patient_id'],
        parts: ['outpatient_record'],
      },
      session,
    );
    if (!request.ok) throw new Error(request.error.message);
    await t.call('copies.decide', { id: request.value.id, approve: true }, session);
    const printed = await t.call('copies.print', { id: request.value.id }, session);
    if (!printed.ok) throw new Error(printed.error.message);
    t.app.close();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'copies-'));
    const pdf = Buffer.from(printed.value.pdfBase64, 'base64');
    files = { genuine: path.join(dir, 'genuine.pdf'), altered: path.join(dir, 'altered.pdf'), foreign: path.join(dir, 'foreign.pdf') };
    writeFileSync(files.genuine, pdf);
    // One character of the record text: a glyph of the complaint's line is replaced.
    writeFileSync(files.altered, await changeOneCharacter(pdf, '头晕'));
    const foreign = await PDFDocument.create();
    foreign.addPage();
    writeFileSync(files.foreign, await foreign.save());
  }, 90_000);
  afterAll(() => {
    rmSync(path.dirname(files.genuine), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (file: string) => {
    const lines: string[] = [];
    const code = await runVerifyCopy([file, '--data-dir', dataDir], {}, (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  };

  it('says 真实 for the copy as printed', async () => {
    expect(await run(files.genuine)).toMatchObject({ code: 0, output: expect.stringMatching(/^真实 \[genuine\]/) });
  });

  it('says 已被改动 after one character of the record text inside the PDF changed', async () => {
    expect(await run(files.altered)).toMatchObject({ code: 1, output: expect.stringMatching(/^已被改动 \[altered\].*第 1 页/) });
  });

  it('says 无法识别 for a PDF that is not one of the clinic’s copies, and 2 without a file', async () => {
    expect(await run(files.foreign)).toMatchObject({ code: 1, output: expect.stringMatching(/^无法识别 \[unknown\]/) });
    expect(await runVerifyCopy(['--data-dir', dataDir], {}, () => {})).toBe(2);
  });
});
