/** How the case view shows each kind of record in a case: its parts as label and text. */
import { NOTE_FIELD_LABELS, NOTE_TEXT_FIELDS, type NoteDiagnosis } from '../../../shared/docs/outpatient-note';
import { VISIT_TYPE_LABELS } from '../../../shared/docs/encounter';
import { PRESCRIPTION_KIND_LABELS } from '../../../shared/docs/prescription';
import type { StoredDocument } from '../../../db/store/types';
import { sexLabel } from '../patients/display';

type Field = { label: string; text: string };
const str = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));

export const diagnosisText = (diagnoses: unknown): string =>
  Array.isArray(diagnoses) ? (diagnoses as NoteDiagnosis[]).map((d) => `${d.name}（${d.code}，${d.code_system} ${d.version}）`).join('；') : '';

function noteText(source: Readonly<Record<string, unknown>>): Field[] {
  const parts = NOTE_TEXT_FIELDS.map((field) => ({ label: NOTE_FIELD_LABELS[field], text: str(source[field]) })).filter((f) => f.text !== '');
  return [...parts, { label: '诊断', text: diagnosisText(source.diagnoses) }];
}

export function fieldsOf(doc: StoredDocument): Field[] {
  switch (doc.type) {
    case 'encounter':
      return [
        { label: '门诊号', text: str(doc.visit_number) },
        { label: '就诊日期', text: str(doc.visit_date) },
        { label: '就诊类型', text: VISIT_TYPE_LABELS[doc.visit_type as keyof typeof VISIT_TYPE_LABELS] ?? str(doc.visit_type) },
      ];
    case 'patient':
      return [
        { label: '姓名', text: str(doc.name) },
        { label: '性别', text: sexLabel(str(doc.sex)) },
        { label: '出生日期', text: str(doc.birth_date) },
      ];
    case 'outpatient_note':
      return [{ label: '就诊时间', text: str(doc.visit_at) }, ...noteText(doc)];
    case 'amendment':
      return [{ label: '修改原因', text: str(doc.reason) }, ...noteText((doc.content ?? {}) as Record<string, unknown>)];
    case 'prescription':
      return [
        { label: '处方类别', text: PRESCRIPTION_KIND_LABELS[doc.kind as keyof typeof PRESCRIPTION_KIND_LABELS] ?? str(doc.kind) },
        ...(Array.isArray(doc.items) ? doc.items : []).map((item: Record<string, unknown>, i: number) => ({
          label: `Rp ${i + 1}`,
          text: `${str(item.drug_name)} ${str(item.strength)}  ${str(item.dose)}${str(item.dose_unit)} ${str(item.route)} ${str(item.frequency)} × ${str(item.days)} 天，共 ${str(item.quantity)}${str(item.quantity_unit)}`,
        })),
      ];
    case 'signature': {
      const signer = (doc.signer ?? {}) as Record<string, unknown>;
      return [
        { label: doc.purpose === 'countersign' ? '审签人' : '签名人', text: str(signer.display_name) },
        { label: '签名时间', text: str(doc.signed_at) },
        { label: '签署的记录', text: str(doc.target_id) },
      ];
    }
    default:
      return [];
  }
}
