/**
 * A case's documents as a reader sees them through a grant or a seal: read-only, each field with
 * its Chinese label. Only the fields a reader needs; ids, stamps and signatures' bytes are left out.
 */
import type { GrantedDocumentView } from '../../../shared/api/custody';
import { documentRegistry } from '../../../shared/docs';
import { NOTE_FIELD_LABELS } from '../../../shared/docs/outpatient-note';
import type { StoredDocument } from '../../../db/store/types';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...NOTE_FIELD_LABELS,
  visit_at: '就诊时间',
  visit_date: '就诊日期',
  department_code: '科室',
  doctor_username: '医生',
  status: '状态',
  reason: '修改原因',
  signed_at: '签名时间',
  target_id: '所签记录',
};

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

function fieldsOf(doc: StoredDocument): GrantedDocumentView['fields'] {
  const fields = Object.entries(FIELD_LABELS)
    .map(([key, label]) => ({ label, value: textOf(doc[key]) }))
    .filter((field) => field.value !== '');
  if (Array.isArray(doc.diagnoses))
    fields.push({ label: '诊断', value: doc.diagnoses.map((d: { name?: unknown; code?: unknown }) => `${textOf(d.name)}（${textOf(d.code)}）`).join('；') });
  if (Array.isArray(doc.items))
    fields.push({
      label: '药品',
      value: doc.items
        .map((item: { drug_name?: unknown }) => textOf(item.drug_name))
        .filter(Boolean)
        .join('、'),
    });
  const signer = (doc.signer as { display_name?: unknown } | undefined)?.display_name;
  if (signer !== undefined) fields.push({ label: '签名人', value: textOf(signer) });
  return fields;
}

export function grantedDocumentView(doc: StoredDocument): GrantedDocumentView {
  const type = typeof doc.type === 'string' ? doc.type : '';
  const definition = documentRegistry.get(type);
  return {
    id: doc._id,
    rev: doc._rev,
    type,
    label: documentRegistry.label(type),
    caption: definition?.caption?.(doc) ?? '',
    fields: fieldsOf(doc),
  };
}
