/** Reference reads for the registration form: fee categories, code sets, divisions, doctors. */
import type { ClinicData } from '../clinic-data';
import { DEFAULT_RETURN_VISIT_DAYS, returnVisitRule } from '../../../shared/codes/visit-rules';
import { requireSettings } from '../patients/patient-records';
import { readClinicSettings } from '../setup';
import { type CodeSets, loadCodeSets, loadDivisionIndex } from './code-sets';

export function feeCategories(data: ClinicData): Array<{ code: string; name: string }> {
  return requireSettings(data).fee_categories.map((c) => ({ code: c.code, name: c.name }));
}

/**
 * The code tables as plain lists (copies: the loaded tables are shared by the whole process), and
 * the 复诊 rule in the clinic's own period, for the form to show next to 初诊/复诊.
 */
export function codeSets(data?: ClinicData) {
  const sets: CodeSets = loadCodeSets();
  const list = (entries: CodeSets['sexes']) => entries.map((e) => ({ code: e.code, name: e.name }));
  return {
    sexes: list(sets.sexes),
    ethnicities: list(sets.ethnicities),
    idTypes: list(sets.idTypes),
    relationships: sets.relationships.map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode })),
    visitTypes: list(sets.visitTypes),
    cardKinds: list(sets.cardKinds),
    visitTypeRule: returnVisitRule((data && readClinicSettings(data)?.return_visit_days) ?? DEFAULT_RETURN_VISIT_DAYS),
  };
}

export function divisionChildren(data: ClinicData, parentCode: string) {
  const index = loadDivisionIndex();
  const children = index.childrenOf(parentCode).map((d) => ({
    code: d.code,
    name: d.name,
    level: d.level,
    hasChildren: index.childrenOf(d.code).length > 0,
  }));
  return {
    path: parentCode === '' ? [] : index.divisionPath(parentCode),
    children,
    clinicDivisionCode: requireSettings(data).division_code ?? null,
  };
}

/** Active doctors, of one department when asked (a doctor with no department listed works in all). */
export function doctors(data: ClinicData, departmentCode?: string) {
  return data.users
    .list()
    .filter((u) => u.active && u.roles.includes('doctor'))
    .filter((u) => !departmentCode || u.departmentCodes.length === 0 || u.departmentCodes.includes(departmentCode))
    .map((u) => ({ username: u.username, displayName: u.displayName, departmentCodes: [...u.departmentCodes] }));
}
