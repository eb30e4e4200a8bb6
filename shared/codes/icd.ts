/**
 * ICD-10 diagnosis code lists (REGULATIONS.md CD-01, CD-08): the two code systems a clinic uses,
 * the shape of a code, and the checks an imported list passes row by row. Pure: the main process
 * feeds it the rows of a CSV file or an XLSX worksheet.
 */
import { type ColumnSpec, type RawTable, type RejectedRow, looksGarbled, readTable } from './import-table';

export const ICD_CODE_SYSTEMS = ['yb2', 'gl2'] as const;
export type IcdCodeSystem = (typeof ICD_CODE_SYSTEMS)[number];

export const ICD_CODE_SYSTEM_LABELS: Readonly<Record<IcdCodeSystem, string>> = {
  yb2: '医保版2.0',
  gl2: '国家临床版2.0',
};

/**
 * A code as the national lists write it: category `A01`, `.` and up to three characters (`x` for
 * a placeholder), an extension `x001`, a dagger/asterisk pair `+J17.0*` and, in the clinical list,
 * an ICD-O morphology code `M81600/3`. Checked at import; queries are normalized, not checked.
 */
export const ICD_CODE_PATTERN = /^[A-Z]\d{2}(\.[0-9x]{1,3}(x\d{3})?)?(\+[A-Z]\d{2}(\.[0-9x]{1,3})?\*)?(M\d{5}\/\d)?$/;

export interface IcdEntry {
  readonly code: string;
  readonly name: string;
}

export const ICD_IMPORT_COLUMNS: ReadonlyArray<ColumnSpec<'code' | 'name'>> = [
  {
    key: 'code',
    label: '诊断编码',
    aliases: ['诊断编码', '疾病编码', '诊断代码', '疾病代码', '编码', '代码', 'ICD编码', 'ICD-10编码', 'code'],
    required: true,
  },
  { key: 'name', label: '诊断名称', aliases: ['诊断名称', '疾病名称', '名称', 'name'], required: true },
];

/**
 * A code as typed into a list: full-width letters and dots made half-width, the letter upper case,
 * the `x` placeholder lower case, spaces dropped. `E11.9` and `e11.9` both become `E11.9`.
 */
export function normalizeIcdCode(text: string): string {
  const halfWidth = text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
  const upper = halfWidth.toUpperCase();
  return upper.replace(/(?<=\d|\.)X/g, 'x');
}

/** A code typed into the search box: normalized, with the dot put back when it was left out (E119 → E11.9). */
export function normalizeIcdQuery(text: string): string {
  const code = normalizeIcdCode(text);
  return /^[A-Z]\d{2}[0-9x]/.test(code) ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

export interface IcdListCheck {
  readonly entries: ReadonlyArray<IcdEntry>;
  readonly rejected: ReadonlyArray<RejectedRow>;
}

export type IcdListResult = ({ readonly ok: true } & IcdListCheck) | { readonly ok: false; readonly message: string };

/** Every row of an imported list checked: code format, empty or garbled name, duplicate code. */
export function checkIcdList(table: RawTable): IcdListResult {
  const read = readTable(table, ICD_IMPORT_COLUMNS);
  if (!read.ok) return read;
  const entries: IcdEntry[] = [];
  const rejected: RejectedRow[] = [...read.rejected];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of read.rows) {
    const code = normalizeIcdCode(cells.code);
    const name = cells.name.replace(/\s+/g, ' ');
    const reject = (reason: string) => rejected.push({ line, text: cells.code || name, reason });
    if (code === '') reject('缺少诊断编码');
    else if (!ICD_CODE_PATTERN.test(code)) reject(`诊断编码格式不对（应像 E11.900 或 A01.000x005）：${cells.code}`);
    else if (name === '') reject('诊断名称是空的');
    else if (looksGarbled(name)) reject(`诊断名称里有乱码字符（? 或 �），请用原始文件重新导出：${name}`);
    else if (name.length > 200) reject('诊断名称超过 200 个字');
    else if (firstLine.has(code)) reject(`编码 ${code} 与第 ${firstLine.get(code)} 行重复`);
    else {
      firstLine.set(code, line);
      entries.push({ code, name });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  if (entries.length === 0)
    return {
      ok: false,
      message: `文件里没有一行可用的诊断（${rejected.length} 行都有问题，第一行：第 ${rejected[0]?.line ?? 0} 行 ${rejected[0]?.reason ?? ''}）。`,
    };
  return { ok: true, entries, rejected };
}
