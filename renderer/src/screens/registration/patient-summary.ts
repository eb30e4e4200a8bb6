import type { PatientDetail, PatientHit } from '../../../../shared/api';
import { REG_TEXT } from './text';

/** What the screen shows of a chosen patient, whether it came from a search hit or a full record. */
export interface PatientSummary {
  readonly id: string;
  readonly name: string;
  readonly sexLabel: string;
  readonly ageText: string;
  readonly idNumberMasked: string | null;
  readonly phoneMasked: string | null;
  readonly lastVisit: { readonly date: string; readonly departmentName: string; readonly departmentCode: string } | null;
}

export function summaryFromHit(hit: PatientHit): PatientSummary {
  return {
    id: hit.id,
    name: hit.name,
    sexLabel: hit.sexLabel,
    ageText: hit.ageText,
    idNumberMasked: hit.idNumberMasked,
    phoneMasked: hit.phoneMasked,
    lastVisit: hit.lastVisit ? { date: hit.lastVisit.date, departmentName: hit.lastVisit.departmentName, departmentCode: hit.lastVisit.departmentCode } : null,
  };
}

export function summaryFromDetail(detail: PatientDetail): PatientSummary {
  const last = detail.visits.find((v) => v.status !== 'cancelled') ?? null;
  const phone = detail.form.phone;
  return {
    id: detail.id,
    name: detail.form.name,
    sexLabel: REG_TEXT.patient.sexes[detail.form.sex] ?? '',
    ageText: detail.ageText,
    idNumberMasked: detail.idNumberMasked,
    phoneMasked: phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : (phone ?? null),
    lastVisit: last ? { date: last.visitDate, departmentName: last.departmentName, departmentCode: last.departmentCode } : null,
  };
}
