import type { OutputOf, PatientDetail } from '../../../../shared/api';
import { MERGE_TEXT as T } from './merge-text';
import { REG_TEXT } from './text';

type CodeSets = OutputOf<'clinic.codeSets'>;
type CodeEntry = { readonly code: string; readonly name: string };

export interface CompareRow {
  readonly key: keyof typeof T.rows;
  readonly label: string;
  readonly left: string;
  readonly right: string;
  /** The two records say different things here (blank against something counts). */
  readonly differs: boolean;
}

export interface CompareContext {
  readonly codeSets: CodeSets | null;
  readonly feeCategories: ReadonlyArray<CodeEntry>;
  /** Division code → its names from the province down (`浙江省金华市东阳市横店镇`), where known. */
  readonly divisionNames: Readonly<Record<string, string>>;
}

const nameOf = (entries: ReadonlyArray<CodeEntry> | undefined, code: string | undefined): string =>
  code === undefined || code === '' ? '' : (entries?.find((e) => e.code === code)?.name ?? code);

const joined = (...parts: ReadonlyArray<string | undefined>): string => parts.filter((p) => p !== undefined && p !== '').join(' ');

/** What each row says about one record, in words ('' for nothing on file). */
function describe(detail: PatientDetail, ctx: CompareContext): Record<CompareRow['key'], string> {
  const f = detail.form;
  const division = f.address?.divisionCode;
  const ownVisits = detail.visits.filter((v) => v.patientId === detail.id);
  const last = ownVisits[0];
  return {
    name: f.name,
    sex: REG_TEXT.patient.sexes[f.sex] ?? f.sex,
    birthDate: f.birthDate ?? '',
    id: f.idNumber ? joined(nameOf(ctx.codeSets?.idTypes, f.idType ?? '01'), f.idNumber) : '',
    phone: f.phone ?? '',
    ethnicity: nameOf(ctx.codeSets?.ethnicities, f.ethnicity),
    address: joined(division ? (ctx.divisionNames[division] ?? division) : undefined, f.address?.detail),
    insurance: f.insurance ? joined(nameOf(ctx.feeCategories, f.insurance.feeCategory), f.insurance.number) : '',
    cards: f.cards.map((c) => joined(nameOf(ctx.codeSets?.cardKinds, c.kind), c.number)).join('；'),
    allergies: f.allergies.map((a) => (a.reaction ? `${a.substance}（${a.reaction}）` : a.substance)).join('、'),
    emergency: f.emergencyContact
      ? joined(f.emergencyContact.name, nameOf(ctx.codeSets?.relationships, f.emergencyContact.relationship), f.emergencyContact.phone)
      : '',
    visits: T.visitCount(ownVisits.length),
    lastVisit: last ? `${last.visitDate} ${last.departmentName}` : '',
    createdAt: detail.createdAt.slice(0, 10),
    recordId: detail.id,
  };
}

/** Rows that are always different and say nothing about whether the two are one person. */
const BOOKKEEPING: ReadonlySet<CompareRow['key']> = new Set(['visits', 'lastVisit', 'createdAt', 'recordId']);

/** The two records side by side, row by row, with the rows where they disagree marked. */
export function compareRecords(left: PatientDetail, right: PatientDetail, ctx: CompareContext): CompareRow[] {
  const a = describe(left, ctx);
  const b = describe(right, ctx);
  return (Object.keys(T.rows) as Array<CompareRow['key']>).map((key) => ({
    key,
    label: T.rows[key],
    left: a[key] || T.none,
    right: b[key] || T.none,
    differs: !BOOKKEEPING.has(key) && a[key] !== b[key],
  }));
}

/**
 * Which record to keep unless the registrar says otherwise: the one with the national ID number
 * (its id is derived from the number), then the one with more visits, then the older one.
 */
export function suggestedSurvivor(left: PatientDetail, right: PatientDetail): 'left' | 'right' {
  const hasId = (d: PatientDetail) => (d.form.idNumber ? 1 : 0);
  if (hasId(left) !== hasId(right)) return hasId(left) > hasId(right) ? 'left' : 'right';
  const visits = (d: PatientDetail) => d.visits.filter((v) => v.patientId === d.id).length;
  if (visits(left) !== visits(right)) return visits(left) > visits(right) ? 'left' : 'right';
  return left.createdAt <= right.createdAt ? 'left' : 'right';
}

/** A record named so two of one name can be told apart: `陈德明（电话 139****0022）`. */
export function recordLabel(detail: PatientDetail): string {
  const phone = detail.form.phone;
  if (phone && phone.length >= 7) return `${detail.form.name}（电话 ${phone.slice(0, 3)}****${phone.slice(-4)}）`;
  if (detail.idNumberMasked) return `${detail.form.name}（${detail.idNumberMasked}）`;
  return `${detail.form.name}（档案 …${detail.id.slice(-6)}）`;
}
