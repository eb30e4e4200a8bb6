/**
 * Code lists of the prescription: how often (频次), by which route (给药途径), in which unit a dose
 * is written, and the antibiotic grades of 《抗菌药物临床应用管理办法》 (非限制使用级 / 限制使用级 /
 * 特殊使用级). The Latin abbreviations are the ones printed on a 处方笺.
 */

export interface FrequencyCode {
  readonly code: string;
  readonly label: string;
  /**
   * Administrations per day; `null` when the count cannot be known in advance (prn: the doctor
   * writes the quantity), and `once` for a single administration whatever the days (st).
   */
  readonly perDay: number | null | 'once';
}

export const FREQUENCIES = [
  { code: 'qd', label: '每日一次', perDay: 1 },
  { code: 'bid', label: '每日两次', perDay: 2 },
  { code: 'tid', label: '每日三次', perDay: 3 },
  { code: 'qid', label: '每日四次', perDay: 4 },
  { code: 'qn', label: '每晚一次', perDay: 1 },
  { code: 'qm', label: '每晨一次', perDay: 1 },
  { code: 'q12h', label: '每12小时一次', perDay: 2 },
  { code: 'q8h', label: '每8小时一次', perDay: 3 },
  { code: 'q6h', label: '每6小时一次', perDay: 4 },
  { code: 'qod', label: '隔日一次', perDay: 0.5 },
  { code: 'qw', label: '每周一次', perDay: 1 / 7 },
  { code: 'biw', label: '每周两次', perDay: 2 / 7 },
  { code: 'st', label: '立即（一次）', perDay: 'once' },
  { code: 'prn', label: '必要时', perDay: null },
] as const satisfies ReadonlyArray<FrequencyCode>;
export type FrequencyCodeName = (typeof FREQUENCIES)[number]['code'];
export const FREQUENCY_CODES = FREQUENCIES.map((f) => f.code) as [FrequencyCodeName, ...FrequencyCodeName[]];

export const ROUTES = [
  { code: 'po', label: '口服' },
  { code: 'sl', label: '舌下含服' },
  { code: 'buccal', label: '含服' },
  { code: 'ivgtt', label: '静脉滴注' },
  { code: 'iv', label: '静脉注射' },
  { code: 'im', label: '肌内注射' },
  { code: 'ih', label: '皮下注射' },
  { code: 'id', label: '皮内注射' },
  { code: 'inhal', label: '吸入' },
  { code: 'topical', label: '外用' },
  { code: 'eye', label: '滴眼' },
  { code: 'ear', label: '滴耳' },
  { code: 'nasal', label: '滴鼻' },
  { code: 'pr', label: '直肠给药' },
  { code: 'pv', label: '阴道给药' },
] as const;
export type RouteCode = (typeof ROUTES)[number]['code'];
export const ROUTE_CODES = ROUTES.map((r) => r.code) as [RouteCode, ...RouteCode[]];

/** Units a strength or a dose is written in, with their factor to the base unit of their kind. */
export const DOSE_UNITS = {
  g: { kind: 'mass', factor: 1_000_000 },
  mg: { kind: 'mass', factor: 1000 },
  μg: { kind: 'mass', factor: 1 },
  ml: { kind: 'volume', factor: 1 },
  IU: { kind: 'units', factor: 1 },
  万U: { kind: 'units', factor: 10_000 },
} as const;
export type DoseUnit = keyof typeof DOSE_UNITS;
export const DOSE_UNIT_NAMES = Object.keys(DOSE_UNITS) as [DoseUnit, ...DoseUnit[]];

export const ANTIBIOTIC_GRADES = ['unrestricted', 'restricted', 'special'] as const;
export type AntibioticGrade = (typeof ANTIBIOTIC_GRADES)[number];
export const ANTIBIOTIC_GRADE_LABELS: Readonly<Record<AntibioticGrade, string>> = {
  unrestricted: '非限制使用级',
  restricted: '限制使用级',
  special: '特殊使用级',
};
/** What a doctor may prescribe: no antibiotics at all, or up to a grade. */
export const PRESCRIBER_GRADES = ['none', ...ANTIBIOTIC_GRADES] as const;
export type PrescriberGrade = (typeof PRESCRIBER_GRADES)[number];
export const PRESCRIBER_GRADE_LABELS: Readonly<Record<PrescriberGrade, string>> = { none: '无抗菌药物处方权', ...ANTIBIOTIC_GRADE_LABELS };

/** Whether a doctor of `prescriber` grade may prescribe an antibiotic of `grade`. */
export function gradeAllows(prescriber: PrescriberGrade, grade: AntibioticGrade): boolean {
  return PRESCRIBER_GRADES.indexOf(prescriber) >= PRESCRIBER_GRADES.indexOf(grade);
}

export const frequencyOf = (code: string): FrequencyCode | undefined => FREQUENCIES.find((f) => f.code === code);
export const routeLabel = (code: string): string => ROUTES.find((r) => r.code === code)?.label ?? code;
