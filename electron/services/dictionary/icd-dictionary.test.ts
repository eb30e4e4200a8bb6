import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicQueries } from '../../../db/queries';
import { openTemporaryDatabase, type TemporaryDatabase } from '../../../db/testing/fixtures';
import { ApiFailure } from '../../../shared/api';
import { IcdDictionary } from './icd-dictionary';
import { IcdImports } from './icd-import';
import { ImportProgress } from './pending-imports';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ApiFailure) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the ICD dictionary on a real database', () => {
  let db: TemporaryDatabase;
  let dictionary: IcdDictionary;
  let imports: IcdImports;

  beforeAll(() => {
    db = openTemporaryDatabase();
    dictionary = new IcdDictionary(clinicQueries(db.orm).icd);
    imports = new IcdImports(dictionary, new ImportProgress());
  }, 60_000);
  afterAll(() => db.dispose());

  it('loads the whole starter list once, with its version row and the crosswalk', () => {
    dictionary.ensureLoaded();
    dictionary.ensureLoaded();
    const versions = dictionary.versions();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ codeSystem: 'yb2', version: '2.0', codeCount: 33_304, current: true });
    expect(clinicQueries(db.orm).icd.crosswalkCount()).toBe(35_591);
  }, 60_000);

  it('finds by exact code, code prefix (dot optional), pinyin initials and name', () => {
    expect(dictionary.search('E11.900', 'yb2', 5)[0]).toMatchObject({ code: 'E11.900', name: '2型糖尿病', matchedBy: 'code' });
    expect(dictionary.search('e119', 'yb2', 5)[0]).toMatchObject({ code: 'E11.900', matchedBy: 'code_prefix' });
    expect(dictionary.search('I10', 'yb2', 5)[0].code).toBe('I10.x00');
    const byInitials = dictionary.search('gxy', 'yb2', 10);
    expect(byInitials[0]).toMatchObject({ name: '高血压', matchedBy: 'initials' });
    expect(dictionary.search('肺炎', 'yb2', 10)[0]).toMatchObject({ code: 'J18.900', name: '肺炎', matchedBy: 'name' });
    expect(dictionary.search('急性上呼吸道感染', 'yb2', 3)[0].code).toBe('J06.900');
  });

  it('finds a name holding a character outside the BMP, by itself and inside a word', () => {
    const hits = dictionary.search('𬌗', 'yb2', 20);
    expect(hits.length).toBe(8);
    expect(hits.every((h) => h.name.includes('𬌗'))).toBe(true);
    expect(dictionary.search('错𬌗畸形', 'yb2', 5)[0]).toMatchObject({ code: 'K07.400', name: '错𬌗畸形' });
  });

  it('resolves a 国临版 code through the crosswalk before any 国临版 list is imported', () => {
    expect(dictionary.resolve('gl2', 'A01.000x003+G01*')).toMatchObject({ settlementCode: 'A01.002+G01*', name: '伤寒性脑膜炎', retired: false });
    expect(dictionary.resolve('yb2', 'Z99.999')).toBeNull();
  });

  it('refuses malformed files as a whole, saving nothing', async () => {
    const request = (fileName: string, bytes: Uint8Array) => imports.preview({ codeSystem: 'yb2', version: '2.0-bad', title: '坏文件', fileName, bytes });
    expect(await refusal(request('a.csv', new Uint8Array()))).toContain('空');
    expect(await refusal(request('a.csv', utf8('诊断编码,诊断名称\n')))).toContain('没有数据行');
    expect(await refusal(request('a.csv', utf8('药品,规格\nA,B\n')))).toContain('缺少');
    expect(await refusal(request('a.xlsx', utf8('code,name\nA00.000,霍乱\n')))).toContain('不是有效的 Excel 工作簿');
    expect(await refusal(request('a.csv', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])))).toContain('.xlsx');
    expect(await refusal(request('a.csv', utf8('code,name\nbad,坏\n1,2\n')))).toContain('没有一行可用');
    expect(await refusal(request('a.doc', utf8('x')))).toContain('.csv');
    expect(dictionary.versions()).toHaveLength(1);
  });

  it('rejects bad rows with reasons: format, empty name, duplicate, bad encoding', async () => {
    const good = utf8('诊断编码,诊断名称\nA00.000,霍乱\nnot-a-code,坏编码\nA00.100,\nA00.000,重复的霍乱\nE11.900,2型糖尿病\n');
    const broken = new Uint8Array([...good, ...utf8('J18.900,'), 0xc3, 0x28, 0x0a, ...utf8('K07.400,错?畸形\n')]);
    const preview = await imports.preview({ codeSystem: 'yb2', version: '2.0-t1', title: '测试', fileName: 'list.csv', bytes: broken });
    expect(preview.counts).toMatchObject({ accepted: 2, rejected: 5 });
    expect(preview.rejected.map((r) => [r.line, r.reason.slice(0, 6)])).toEqual([
      [3, '诊断编码格式'],
      [4, '诊断名称是空'],
      [5, '编码 A00'],
      [7, '这一行的字符'],
      [8, '诊断名称里有'],
    ]);
    expect(dictionary.versions()).toHaveLength(1);
  });

  it('reads GB18030 files and XLSX workbooks', async () => {
    // 霍乱 in GB18030: BB F4 C2 D2.
    const gb = new Uint8Array([...utf8('code,name\nA00.000,'), 0xbb, 0xf4, 0xc2, 0xd2, 0x0a]);
    const fromGb = await imports.preview({ codeSystem: 'gl2', version: 'gb-test', title: '编码测试', fileName: 'gb.csv', bytes: gb });
    expect(fromGb.readAs).toContain('GB18030');
    expect(fromGb.firstRows).toEqual([{ code: 'A00.000', name: '霍乱' }]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('国临版');
    sheet.addRow(['疾病编码', '疾病名称']);
    sheet.addRow(['A01.003', '伤寒杆菌性败血症']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const fromXlsx = await imports.preview({ codeSystem: 'gl2', version: 'xlsx-test', title: 'Excel', fileName: 'gl.xlsx', bytes });
    expect(fromXlsx.firstRows).toEqual([{ code: 'A01.003', name: '伤寒杆菌性败血症' }]);
  });

  it('adds a new version and keeps the codes it drops resolvable as retired', async () => {
    const list = utf8('code,name\nE11.900,2型糖尿病\nJ18.900,肺炎（新名称）\nU99.900,新增的诊断\n');
    const preview = await imports.preview({ codeSystem: 'yb2', version: '2.1', title: '医保版2.1', fileName: 'yb21.csv', bytes: list });
    expect(preview.counts).toMatchObject({ accepted: 3, added: 1, renamed: 1, retired: 33_302 });
    const stored = imports.apply(preview.token, 'admin');
    expect(stored).toMatchObject({ codeSystem: 'yb2', version: '2.1', current: true, codeCount: 3 });
    expect(() => imports.apply(preview.token, 'admin')).toThrow(ApiFailure);

    expect(dictionary.search('肺炎', 'yb2', 5).map((h) => h.name)).toEqual(['肺炎（新名称）']);
    expect(dictionary.resolve('yb2', 'I10.x00')).toMatchObject({ name: '特发性（原发性）高血压', version: '2.0', retired: true });
    expect(dictionary.resolve('yb2', 'J18.900', '2.0')).toMatchObject({ name: '肺炎', retired: false });
    expect(dictionary.resolve('yb2', 'J18.900')).toMatchObject({ name: '肺炎（新名称）', version: '2.1', retired: false });
    expect(await refusal(imports.preview({ codeSystem: 'yb2', version: '2.1', title: '重复', fileName: 'x.csv', bytes: list }))).toContain('已经有版本');
    expect(() => dictionary.requireCurrent('yb2', 'I10.x00')).toThrow(/已停用/);
    expect(() => dictionary.requireCurrent('yb2', 'Q99.999')).toThrow(/不在 ICD-10 字典里/);
    expect(dictionary.requireCurrent('yb2', 'u99.900')).toMatchObject({ name: '新增的诊断', version: '2.1' });
  });
});
