import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../../shared/identity';
import { mustRegister, openRegistrationApp, type RegistrationTestApp, residentForm } from './testing/registration-fixtures';

let t: RegistrationTestApp;
const patients: string[] = [];

beforeAll(async () => {
  t = await openRegistrationApp();
  for (const [i, name] of ['单田芳', '龑小䶮', '曾秀英', '解放', '欧阳春'].entries()) {
    patients.push((await mustRegister(t, residentForm(name, `19${50 + i}-03-0${1 + i}`, 2 * i + 1))).id);
  }
});
afterAll(() => t.close());

async function register(patientIndex: number, departmentCode: string, extra: { doctorUsername?: string; visitType?: 'first' | 'return' | 'emergency' } = {}) {
  const result = await t.call(
    'visits.register',
    {
      patientId: patients[patientIndex],
      departmentCode,
      visitType: extra.visitType ?? 'first',
      feeCategory: 'resident',
      ...(extra.doctorUsername ? { doctorUsername: extra.doctorUsername } : {}),
    },
    t.registrar,
  );
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('visits', () => {
  it('numbers visits per workstation and day, 就诊序号 per department, and queues them per department and doctor', async () => {
    const day = chinaDateOf(new Date()).replaceAll('-', '');
    const a = await register(0, '03', { doctorUsername: 'dr.li' });
    const b = await register(1, '03', { doctorUsername: 'dr.li' });
    const c = await register(2, '03', { doctorUsername: 'dr.zhao' });
    const d = await register(3, '03');
    const e = await register(4, '03', { doctorUsername: 'dr.li', visitType: 'emergency' });
    expect([a, b, c, d, e].map((v) => v.visitNumber)).toEqual([1, 2, 3, 4, 5].map((n) => `W01-${day}-000${n}`));
    expect([a, b, c, d, e].map((v) => v.queueNumber)).toEqual([1, 2, 3, 4, 5]);
    // The emergency goes to the front of Dr. Li's queue.
    expect(e.queuePosition).toBe(1);
    expect(a).toMatchObject({
      status: 'waiting',
      statusLabel: '候诊',
      department: { name: '内科' },
      doctor: { displayName: '李医生' },
      feeCategory: { name: '城乡居民医保' },
    });

    const queue = await t.call('visits.queue', { departmentCode: '03', doctorUsername: 'dr.li' }, t.doctor);
    expect(queue.ok && queue.value.waiting.map((v) => [v.visitNumber, v.queuePosition])).toEqual([
      [e.visitNumber, 1],
      [a.visitNumber, 2],
      [b.visitNumber, 3],
      [d.visitNumber, 4],
    ]);
  });

  it('refuses a second waiting registration in the same department, and bad references', async () => {
    const again = await t.call('visits.register', { patientId: patients[0], departmentCode: '03', visitType: 'return', feeCategory: 'resident' }, t.registrar);
    expect(again.ok || again.error.code).toBe('DUPLICATE');
    const notOutpatient = await t.call(
      'visits.register',
      { patientId: patients[0], departmentCode: 'BA', visitType: 'return', feeCategory: 'resident' },
      t.registrar,
    );
    expect(notOutpatient.ok || notOutpatient.error.fields?.map((f) => f.path)).toEqual(['departmentCode']);
    const wrongDoctor = await t.call(
      'visits.register',
      { patientId: patients[0], departmentCode: '07', doctorUsername: 'dr.li', visitType: 'return', feeCategory: 'resident' },
      t.registrar,
    );
    expect(wrongDoctor.ok || wrongDoctor.error.fields?.map((f) => f.path)).toEqual(['doctorUsername']);
    const fee = await t.call('visits.register', { patientId: patients[0], departmentCode: '07', visitType: 'return', feeCategory: 'gold' }, t.registrar);
    expect(fee.ok || fee.error.fields?.map((f) => f.path)).toEqual(['feeCategory']);
    const doctorCannot = await t.call('visits.register', { patientId: patients[0], departmentCode: '07', visitType: 'return', feeCategory: 'self' }, t.doctor);
    expect(doctorCannot.ok || doctorCannot.error.code).toBe('FORBIDDEN');
  });

  it('cancels with a reason, once, and the queue closes up', async () => {
    const list = await t.call('visits.listToday', { departmentCode: '03', doctorUsername: 'dr.li' }, t.registrar);
    if (!list.ok) throw new Error();
    const first = list.value.visits.find((v) => v.patient.id === patients[0]);
    if (!first) throw new Error();
    const noReason = await t.call('visits.cancel', { id: first.id, rev: first.rev, reason: ' ' }, t.registrar);
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION_FAILED');
    const cancelled = await t.call('visits.cancel', { id: first.id, rev: first.rev, reason: '患者要求退号' }, t.registrar);
    expect(cancelled.ok && [cancelled.value.status, cancelled.value.cancelReason, cancelled.value.queuePosition, cancelled.value.queueNumber]).toEqual([
      'cancelled',
      '患者要求退号',
      null,
      1,
    ]);
    if (!cancelled.ok) throw new Error();
    const twice = await t.call('visits.cancel', { id: first.id, rev: cancelled.value.rev, reason: '重复操作' }, t.registrar);
    expect(twice.ok || twice.error.code).toBe('CONFLICT');
    const stale = await t.call('visits.cancel', { id: first.id, rev: first.rev, reason: '重复操作' }, t.registrar);
    expect(stale.ok || stale.error.code).toBe('CONFLICT');

    const queue = await t.call('visits.queue', { departmentCode: '03', doctorUsername: 'dr.li' }, t.doctor);
    expect(queue.ok && queue.value.waiting.map((v) => v.queuePosition)).toEqual([1, 2, 3]);
    // Numbers are not reused: the next visit of the department is number 6.
    const next = await t.call(
      'visits.register',
      { patientId: patients[0], departmentCode: '03', doctorUsername: 'dr.li', visitType: 'first', feeCategory: 'self' },
      t.registrar,
    );
    expect(next.ok && next.value.queueNumber).toBe(6);
  });

  it("lists today's visits with filters and counts by status", async () => {
    const all = await t.call('visits.listToday', {}, t.registrar);
    expect(all.ok && all.value.counts).toEqual({ waiting: 5, in_progress: 0, completed: 0, cancelled: 1 });
    const cancelled = await t.call('visits.listToday', { status: 'cancelled' }, t.registrar);
    expect(cancelled.ok && cancelled.value.visits.map((v) => v.patient.name)).toEqual(['单田芳']);
    const zhao = await t.call('visits.listToday', { doctorUsername: 'dr.zhao' }, t.registrar);
    expect(zhao.ok && zhao.value.visits.map((v) => v.patient.name)).toEqual(['曾秀英']);
    const otherDay = await t.call('visits.listToday', { date: '2020-01-01' }, t.registrar);
    expect(otherDay.ok && otherDay.value.visits).toEqual([]);
  });
});

describe('visits.slip', () => {
  it('is a one-page PDF with the visit on it, rare name characters included', async () => {
    const list = await t.call('visits.listToday', { departmentCode: '03' }, t.registrar);
    if (!list.ok) throw new Error();
    const visit = list.value.visits.find((v) => v.patient.name === '龑小䶮');
    if (!visit) throw new Error();
    const slip = await t.call('visits.slip', { id: visit.id }, t.registrar);
    if (!slip.ok) throw new Error(slip.error.message);
    const bytes = Buffer.from(slip.value.pdfBase64, 'base64');
    expect(bytes.byteLength).toBe(slip.value.bytes);
    expect(bytes.byteLength).toBeLessThan(60_000);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(`挂号单 ${visit.visitNumber}`);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'slip-'));
    try {
      writeFileSync(path.join(dir, 'slip.pdf'), bytes);
      // pdftotext proves the text and ToUnicode maps, not the glyphs; the glyphs were checked by eye (pdftoppm).
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'slip.pdf'), '-'], {
        encoding: 'utf8',
        env: { ...process.env, FONTCONFIG_FILE: '/dev/null' },
      });
      for (const expected of [
        '青山镇卫生院',
        '门诊挂号单',
        visit.visitNumber,
        '龑小䶮',
        '内科',
        '李医生',
        '城乡居民医保',
        `就诊序号：${visit.queueNumber} 号`,
        '王挂号',
      ]) {
        expect(text).toContain(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says in Chinese when the font is missing', async () => {
    const list = await t.call('visits.listToday', {}, t.registrar);
    if (!list.ok) throw new Error();
    const saved = process.env.CLINIC_CJK_FONT;
    process.env.CLINIC_CJK_FONT = '/nonexistent/NotoSansCJK-Regular.ttc';
    try {
      const slip = await t.call('visits.slip', { id: list.value.visits[0].id }, t.registrar);
      expect(slip.ok).toBe(false);
      if (!slip.ok) expect(slip.error.message).toMatch(/找不到打印用的中文字体/);
    } finally {
      if (saved === undefined) delete process.env.CLINIC_CJK_FONT;
      else process.env.CLINIC_CJK_FONT = saved;
    }
  });
});

describe('clinic reference reads', () => {
  it('gives the code sets, fee categories, divisions and doctors the form needs', async () => {
    const sets = await t.call('clinic.codeSets', {}, t.registrar);
    expect(sets.ok && [sets.value.ethnicities.length, sets.value.ethnicities[0], sets.value.visitTypes.map((v) => v.name)]).toEqual([
      56,
      { code: '01', name: '汉族' },
      ['初诊', '复诊', '急诊'],
    ]);
    expect(sets.ok && sets.value.relationships.find((r) => r.code === '11')).toEqual({ code: '11', name: '夫', parentCode: '10' });
    const fees = await t.call('clinic.feeCategories', {}, t.registrar);
    expect(fees.ok && fees.value.map((f) => f.name)).toContain('城乡居民医保');
    const provinces = await t.call('clinic.divisions', { parentCode: '' }, t.registrar);
    expect(provinces.ok && provinces.value.children.length).toBeGreaterThanOrEqual(31);
    const county = await t.call('clinic.divisions', { parentCode: '130582' }, t.registrar);
    expect(county.ok && county.value.path).toEqual(['河北省', '邢台市', '沙河市']);
    expect(county.ok && county.value.children.every((d) => d.level === 4 && !d.hasChildren)).toBe(true);
    const doctors = await t.call('clinic.doctors', { departmentCode: '03' }, t.registrar);
    expect(doctors.ok && doctors.value.map((d) => d.username).sort()).toEqual(['dr.li', 'dr.zhao']);
    const none = await t.call('clinic.doctors', { departmentCode: '07' }, t.registrar);
    expect(none.ok && none.value).toEqual([]);
  });
});
