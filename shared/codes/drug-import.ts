/**
 * Rows of an imported clinic drug list (CSV or XLSX, one drug a row), checked one by one. Pure: the
 * main process feeds it the cells; each good row becomes a `DrugInput`, each bad one a reason.
 */
import {
  ANTIBIOTIC_GRADE_LABELS,
  type AntibioticGrade,
  DOSE_UNITS,
  type DoseUnit,
  FREQUENCIES,
  type FrequencyCodeName,
  ROUTES,
  type RouteCode,
} from './drug-codes';
import { type ColumnSpec, type RawTable, type RejectedRow, looksGarbled, readTable } from './import-table';

/** A drug as the administrator enters or imports it (the `drug` document without its stamps and initials). */
export interface DrugInput {
  readonly code: string;
  readonly genericName: string;
  readonly form: string;
  readonly strengthValue: number;
  readonly strengthUnit: DoseUnit;
  readonly unit: string;
  readonly packageSize: number;
  readonly packageUnit: string;
  readonly drugClass: string | null;
  readonly defaultDose: number | null;
  readonly defaultDoseUnit: string | null;
  readonly defaultRoute: RouteCode | null;
  readonly defaultFrequency: FrequencyCodeName | null;
  readonly antibioticGrade: AntibioticGrade | null;
  readonly essential: boolean;
}

type DrugColumn =
  'code' | 'name' | 'form' | 'strength' | 'unit' | 'packageSize' | 'packageUnit' | 'drugClass' | 'dose' | 'route' | 'frequency' | 'grade' | 'essential';

export const DRUG_IMPORT_COLUMNS: ReadonlyArray<ColumnSpec<DrugColumn>> = [
  { key: 'code', label: '药品编码', aliases: ['药品编码', '编码', '本院编码', 'code'], required: true },
  { key: 'name', label: '通用名', aliases: ['通用名', '药品名称', '通用名称', '名称', 'name'], required: true },
  { key: 'form', label: '剂型', aliases: ['剂型', 'form'], required: true },
  { key: 'strength', label: '规格', aliases: ['规格', '含量', 'strength'], required: true },
  { key: 'unit', label: '最小单位', aliases: ['最小单位', '单位', 'unit'], required: true },
  { key: 'packageSize', label: '包装数量', aliases: ['包装数量', '包装规格', '每包装数量', 'package_size'], required: true },
  { key: 'packageUnit', label: '包装单位', aliases: ['包装单位', 'package_unit'], required: true },
  { key: 'drugClass', label: '药理分类', aliases: ['药理分类', '分类', 'drug_class'], required: false },
  { key: 'dose', label: '默认剂量', aliases: ['默认剂量', '常用剂量', '单次剂量', 'default_dose'], required: false },
  { key: 'route', label: '给药途径', aliases: ['给药途径', '用法', 'route'], required: false },
  { key: 'frequency', label: '频次', aliases: ['频次', '用药频次', 'frequency'], required: false },
  { key: 'grade', label: '抗菌药物级别', aliases: ['抗菌药物级别', '抗菌药物分级', '抗菌药级别', 'antibiotic_grade'], required: false },
  { key: 'essential', label: '基本药物', aliases: ['基本药物', '国家基本药物', 'essential'], required: false },
];

const UNIT_ALIASES: Readonly<Record<string, DoseUnit>> = { ug: 'μg', mcg: 'μg', µg: 'μg', ml: 'ml', mL: 'ml', U: 'IU', 单位: 'IU', 万单位: '万U' };

/** "0.25g", "5 mg", "80万U" → value and unit; null when it is not a strength. */
export function parseStrength(text: string): { value: number; unit: DoseUnit } | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Zμµ万单位]+)\s*$/.exec(text);
  if (!match) return null;
  const unit = (match[2] in DOSE_UNITS ? match[2] : UNIT_ALIASES[match[2]]) as DoseUnit | undefined;
  const value = Number(match[1]);
  return unit && value > 0 ? { value, unit } : null;
}

const GRADE_BY_TEXT: Readonly<Record<string, AntibioticGrade | null>> = {
  '': null,
  无: null,
  否: null,
  非限制: 'unrestricted',
  限制: 'restricted',
  特殊: 'special',
  ...Object.fromEntries(Object.entries(ANTIBIOTIC_GRADE_LABELS).map(([grade, label]) => [label, grade])),
  unrestricted: 'unrestricted',
  restricted: 'restricted',
  special: 'special',
};
const YES = new Set(['是', '1', 'Y', 'y', 'yes', 'true', '√', '基药']);
const NO = new Set(['', '否', '0', 'N', 'n', 'no', 'false']);

/** One row as a drug, or the reason it is not one. */
export function drugFromCells(cells: Readonly<Record<DrugColumn, string>>): DrugInput | string {
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(cells.code))
    return cells.code === '' ? '缺少药品编码' : `药品编码“${cells.code}”只能用字母、数字、下划线和连字符，不超过 20 位`;
  if (cells.name === '') return '通用名是空的';
  const texts = [cells.name, cells.form, cells.unit, cells.packageUnit, cells.drugClass];
  if (texts.some(looksGarbled)) return '这一行有乱码字符（? 或 �），请用原始文件重新导出';
  if (cells.name.length > 60) return '通用名超过 60 个字';
  if (cells.form === '' || cells.unit === '' || cells.packageUnit === '') return '剂型、最小单位、包装单位都要填写';
  if (cells.unit.length > 6 || cells.packageUnit.length > 6 || cells.form.length > 20) return '剂型或单位太长（单位不超过 6 个字）';
  const strength = parseStrength(cells.strength);
  if (!strength) return `规格“${cells.strength}”看不懂，请写成 0.25g、5mg、80万U 这样`;
  const packageSize = Number(cells.packageSize);
  if (!Number.isInteger(packageSize) || packageSize <= 0) return `包装数量“${cells.packageSize}”必须是正整数`;
  let dose: { value: number; unit: string } | null = null;
  if (cells.dose !== '') {
    const inUnits = new RegExp(`^\\s*(\\d+(?:\\.\\d+)?)\\s*${cells.unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`).exec(cells.dose);
    dose = inUnits ? { value: Number(inUnits[1]), unit: cells.unit } : parseStrength(cells.dose);
    if (!dose || !(dose.value > 0)) return `默认剂量“${cells.dose}”看不懂，请写成 0.5g 或 2${cells.unit} 这样`;
  }
  const route = cells.route === '' ? null : ROUTES.find((r) => r.code === cells.route || r.label === cells.route);
  if (route === undefined) return `给药途径“${cells.route}”不在代码表里（如 口服、静脉滴注）`;
  const frequency = cells.frequency === '' ? null : FREQUENCIES.find((f) => f.code === cells.frequency.toLowerCase() || f.label === cells.frequency);
  if (frequency === undefined) return `频次“${cells.frequency}”不在代码表里（如 qd、bid、tid）`;
  const grade = GRADE_BY_TEXT[cells.grade.replace(/使用级|级$/g, '')] ?? GRADE_BY_TEXT[cells.grade];
  if (grade === undefined) return `抗菌药物级别“${cells.grade}”只能是 非限制、限制、特殊 或留空`;
  if (!YES.has(cells.essential) && !NO.has(cells.essential)) return `基本药物“${cells.essential}”请填 是 或 否`;
  return {
    code: cells.code,
    genericName: cells.name,
    form: cells.form,
    strengthValue: strength.value,
    strengthUnit: strength.unit,
    unit: cells.unit,
    packageSize,
    packageUnit: cells.packageUnit,
    drugClass: cells.drugClass === '' ? null : cells.drugClass.slice(0, 30),
    defaultDose: dose?.value ?? null,
    defaultDoseUnit: dose?.unit ?? null,
    defaultRoute: route?.code ?? null,
    defaultFrequency: frequency?.code ?? null,
    antibioticGrade: grade,
    essential: YES.has(cells.essential),
  };
}

export type DrugListResult =
  | { readonly ok: true; readonly drugs: ReadonlyArray<DrugInput>; readonly rejected: ReadonlyArray<RejectedRow> }
  | { readonly ok: false; readonly message: string };

export function checkDrugList(table: RawTable): DrugListResult {
  const read = readTable(table, DRUG_IMPORT_COLUMNS);
  if (!read.ok) return read;
  const drugs: DrugInput[] = [];
  const rejected: RejectedRow[] = [...read.rejected];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of read.rows) {
    const drug = drugFromCells(cells);
    if (typeof drug === 'string') rejected.push({ line, text: cells.code || cells.name, reason: drug });
    else if (firstLine.has(drug.code)) rejected.push({ line, text: drug.code, reason: `药品编码 ${drug.code} 与第 ${firstLine.get(drug.code)} 行重复` });
    else {
      firstLine.set(drug.code, line);
      drugs.push(drug);
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  if (drugs.length === 0)
    return {
      ok: false,
      message: `文件里没有一行可用的药品（${rejected.length} 行都有问题，第一行：第 ${rejected[0]?.line ?? 0} 行 ${rejected[0]?.reason ?? ''}）。`,
    };
  return { ok: true, drugs, rejected };
}
