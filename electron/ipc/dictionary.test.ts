import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../app/testing';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const base64 = (text: string | Uint8Array): string => Buffer.from(typeof text === 'string' ? new TextEncoder().encode(text) : text).toString('base64');

const DRUG_HEADER = '药品编码,通用名,剂型,规格,最小单位,包装数量,包装单位,药理分类,默认剂量,给药途径,频次,抗菌药物级别,基本药物';
const DRUG_ROWS = [
  'AMX025,阿莫西林胶囊,胶囊剂,0.25g,粒,24,盒,青霉素类,0.5g,口服,tid,非限制,是',
  'AML5,苯磺酸氨氯地平片,片剂,5mg,片,7,盒,钙通道阻滞剂,1片,口服,qd,,是',
  'MET05,二甲双胍片,片剂,0.5g,片,48,盒,双胍类,0.5g,口服,bid,,是',
  'BAD1,坏规格,片剂,半片,片,10,盒,,,,,,',
  'AMX025,阿莫西林胶囊,胶囊剂,0.25g,粒,24,盒,青霉素类,0.5g,口服,tid,非限制,是',
  'CFP1,头孢哌酮舒巴坦,注射剂,1g,支,1,支,头孢菌素类,1g,静脉滴注,bid,特殊使用级,否',
];

describe('dictionary methods through the router', () => {
  let t: TestApp;
  let doctor = '';

  beforeAll(async () => {
    t = await openTestApp({ initialized: true });
    const created = await t.call(
      'admin.createUser',
      { username: 'wang.yi', displayName: '王医生', roles: ['doctor'], departmentCodes: [], password: 'Doctor2026' },
      t.adminSession,
    );
    expect(created.ok).toBe(true);
    const login = await t.call('auth.login', { username: 'wang.yi', password: 'Doctor2026' });
    if (!login.ok) throw new Error(login.error.message);
    doctor = login.value.sessionToken;
  }, 60_000);
  afterAll(() => t.close());

  it('lets a doctor find a diagnosis by pinyin initials and resolve it by code', async () => {
    const hits = await t.call('dictionary.searchIcd', { query: 'tnb' }, doctor);
    expect(hits.ok && hits.value.some((h) => h.name === '糖尿病' && h.matchedBy === 'initials')).toBe(true);
    const got = await t.call('dictionary.getIcd', { code: 'e11.900', codeSystem: 'yb2' }, doctor);
    expect(got).toMatchObject({ ok: true, value: { code: 'E11.900', name: '2型糖尿病', version: '2.0', retired: false } });
    const unknown = await t.call('dictionary.getIcd', { code: 'Z99.999', codeSystem: 'yb2' }, doctor);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 60_000);

  it('refuses imports to a doctor', async () => {
    const refused = await t.call('drugs.importPreview', { fileName: 'd.csv', content: base64(DRUG_HEADER) }, doctor);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('imports a drug list after a preview that lists the bad rows, then finds drugs by initials', async () => {
    const preview = await t.call('drugs.importPreview', { fileName: '药品.csv', content: base64([DRUG_HEADER, ...DRUG_ROWS].join('\n')) }, t.adminSession);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.counts).toEqual({ accepted: 4, rejected: 2, added: 4, updated: 0 });
    expect(preview.value.rejected.map((r) => r.line)).toEqual([5, 6]);
    expect((await t.call('drugs.list', {}, doctor)).ok && (await t.call('drugs.list', {}, doctor))).toMatchObject({ value: [] });
    const applied = await t.call('drugs.importApply', { token: preview.value.token }, t.adminSession);
    expect(applied).toEqual({ ok: true, value: { saved: 4 } });
    const found = await t.call('dictionary.searchDrugs', { query: 'amxl' }, doctor);
    expect(found.ok && found.value.map((d) => d.code)).toEqual(['AMX025']);
    const byName = await t.call('dictionary.searchDrugs', { query: '氨氯地平' }, doctor);
    expect(byName.ok && byName.value[0]).toMatchObject({ code: 'AML5', defaultDose: 1, defaultDoseUnit: '片', defaultFrequency: 'qd' });
  }, 60_000);

  it('refuses malformed drug files as a whole and saves nothing', async () => {
    const before = await t.call('drugs.list', {}, t.adminSession);
    const cases: Array<[string, string, string]> = [
      ['empty.csv', base64('\n\n'), '空'],
      ['cols.csv', base64('名称,价格\n阿司匹林,1\n'), '缺少'],
      ['fake.xlsx', base64('not a workbook'), '不是有效的 Excel 工作簿'],
      ['latin1.csv', base64(new Uint8Array([...new TextEncoder().encode(`${DRUG_HEADER}\n`), 0xff, 0xfe, 0xfd, 0x0a])), '编码'],
    ];
    for (const [fileName, content, says] of cases) {
      const result = await t.call('drugs.importPreview', { fileName, content }, t.adminSession);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(says);
    }
    const expired = await t.call('drugs.importApply', { token: '00000000-0000-4000-8000-000000000000' }, t.adminSession);
    expect(expired).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('drugs.list', {}, t.adminSession)).toEqual(before);
  }, 60_000);

  it('imports a drug list from an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('药品');
    sheet.addRow(DRUG_HEADER.split(','));
    sheet.addRow(['IBU02', '布洛芬缓释胶囊', '胶囊剂', '0.3g', '粒', 20, '盒', '', '0.3g', '口服', 'bid', '', '是']);
    const preview = await t.call(
      'drugs.importPreview',
      { fileName: 'drugs.xlsx', content: base64(new Uint8Array(await workbook.xlsx.writeBuffer())) },
      t.adminSession,
    );
    expect(preview).toMatchObject({ ok: true, value: { counts: { accepted: 1, rejected: 0 }, firstRows: [{ code: 'IBU02', packageSize: 20 }] } });
  }, 60_000);

  it('keeps each doctor’s antibiotic grade, none until the administrator sets one', async () => {
    const before = await t.call('users.antibioticGrades', {}, t.adminSession);
    expect(before).toEqual({ ok: true, value: [{ username: 'wang.yi', displayName: '王医生', grade: 'none' }] });
    expect(await t.call('users.setAntibioticGrade', { username: 'wang.yi', grade: 'restricted' }, t.adminSession)).toEqual({
      ok: true,
      value: { username: 'wang.yi', grade: 'restricted' },
    });
    expect(await t.call('users.setAntibioticGrade', { username: 'wang.yi', grade: 'special' }, t.adminSession)).toMatchObject({ ok: true });
    expect(await t.call('users.antibioticGrades', {}, t.adminSession)).toMatchObject({ value: [{ grade: 'special' }] });
    expect(await t.call('users.setAntibioticGrade', { username: 'nobody', grade: 'special' }, t.adminSession)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('saves a drug edited by the administrator, and stops it', async () => {
    const drug = {
      code: 'ASP100',
      genericName: '阿司匹林肠溶片',
      form: '片剂',
      strengthValue: 100,
      strengthUnit: 'mg' as const,
      unit: '片',
      packageSize: 30,
      packageUnit: '盒',
      drugClass: null,
      defaultDose: 100,
      defaultDoseUnit: 'mg',
      defaultRoute: 'po' as const,
      defaultFrequency: 'qd' as const,
      antibioticGrade: null,
      essential: true,
    };
    expect(await t.call('drugs.save', { drug: { ...drug, active: true } }, t.adminSession)).toMatchObject({ ok: true, value: { initials: 'asplcrp' } });
    expect(await t.call('drugs.save', { drug: { ...drug, active: false } }, t.adminSession)).toMatchObject({ ok: true, value: { active: false } });
    const found = await t.call('dictionary.searchDrugs', { query: 'aspl' }, doctor);
    expect(found).toEqual({ ok: true, value: [] });
  });
});
