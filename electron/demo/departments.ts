/**
 * The departments of a typical township health centre. Clinical departments carry the code of their
 * 诊疗科目 in 《医疗机构诊疗科目名录》 (卫医发〔1994〕27号), which is what the centre's practising
 * licence lists; administrative ones, which are not 诊疗科目, get two-letter codes.
 */
import { type DepartmentDoc, departmentId } from '../../shared/docs/department';

interface DepartmentSpec {
  readonly code: string;
  readonly name: string;
  readonly outpatient: boolean;
}

export const DEMO_DEPARTMENTS: ReadonlyArray<DepartmentSpec> = [
  { code: '02', name: '全科医疗科', outpatient: true },
  { code: '03', name: '内科', outpatient: true },
  { code: '04', name: '外科', outpatient: true },
  { code: '05', name: '妇产科', outpatient: true },
  { code: '07', name: '儿科', outpatient: true },
  { code: '50', name: '中医科', outpatient: true },
  { code: '01', name: '预防保健科', outpatient: true },
  { code: '12', name: '口腔科', outpatient: true },
  { code: '21', name: '康复医学科', outpatient: true },
  { code: '20', name: '急诊医学科', outpatient: true },
  { code: '30', name: '医学检验科', outpatient: false },
  { code: '32', name: '医学影像科', outpatient: false },
  { code: 'GW', name: '公共卫生科', outpatient: false },
  { code: 'YJ', name: '药剂科', outpatient: false },
  { code: 'YW', name: '医务科', outpatient: false },
  { code: 'BA', name: '病案室', outpatient: false },
];

export interface DepartmentOptions {
  readonly clinicCode: string;
  readonly now: Date;
  readonly createdBy?: string;
}

export function generateDepartments(options: DepartmentOptions): DepartmentDoc[] {
  const at = options.now.toISOString();
  const by = options.createdBy ?? 'demo';
  return DEMO_DEPARTMENTS.map((d) => ({
    _id: departmentId(d.code),
    type: 'department',
    schema_version: 1,
    clinic_code: options.clinicCode,
    created_at: at,
    created_by: by,
    updated_at: at,
    updated_by: by,
    code: d.code,
    name: d.name,
    outpatient: d.outpatient,
    active: true,
  }));
}
