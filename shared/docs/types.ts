import type { z } from 'zod';
import { auditEventDoc } from './audit';
import { clinicSettingsDoc } from './clinic';
import { departmentDoc } from './department';
import { draftDoc } from './draft';
import { drugDoc, EXAMPLE_DRUG, EXAMPLE_PRESCRIBING_RIGHT, prescribingRightDoc } from './drug';
import { encounterDoc } from './encounter';
import {
  EXAMPLE_AUDIT_EVENT,
  EXAMPLE_CLINIC_SETTINGS,
  EXAMPLE_DEPARTMENT,
  EXAMPLE_DRAFT,
  EXAMPLE_ENCOUNTER,
  EXAMPLE_PATIENT,
  EXAMPLE_REFERENCE_DICTIONARY,
  EXAMPLE_USER,
} from './examples';
import {
  AUDIT_EVENT_ID,
  CLINIC_SETTINGS_ID_PATTERN,
  DEPARTMENT_ID,
  DRAFT_ID,
  DRUG_ID,
  PRESCRIBING_RIGHT_ID,
  ENCOUNTER_ID,
  PATIENT_ID,
  REFERENCE_DICTIONARY_ID,
  USER_ID,
} from './ids';
import { patientDoc } from './patient';
import { referenceDictionaryDoc } from './reference';
import { defineDocumentType, DocumentRegistry, type DocumentTypeDefinition } from './registry';
import { userDoc } from './user';

/**
 * Every document type the clinic knows, each declared once. Outpatient records are kept 15 years
 * from the last visit (REGULATIONS.md AR-08); nothing is purged automatically (AR-09).
 */

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const OUTPATIENT_RECORD = { kind: 'years_after_last_visit', years: 15 } as const;

export const CLINIC_DOCUMENT_TYPES = {
  clinic_settings: defineDocumentType({
    type: 'clinic_settings',
    example: EXAMPLE_CLINIC_SETTINGS,
    label: '本院设置',
    idPattern: CLINIC_SETTINGS_ID_PATTERN,
    schema: clinicSettingsDoc,
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    // Changing the settings concerns no patient and no account: not a target.
    audit: 'none',
    caption: (body) => `（${text(body.name)}）`,
  }),
  department: defineDocumentType({
    type: 'department',
    example: EXAMPLE_DEPARTMENT,
    label: '科室',
    idPattern: DEPARTMENT_ID,
    schema: departmentDoc,
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    caption: (body) => `${text(body.name)}（${text(body.code)}）`,
  }),
  user: defineDocumentType({
    type: 'user',
    example: EXAMPLE_USER,
    label: '用户',
    idPattern: USER_ID,
    schema: userDoc,
    // Old revisions hold old password hashes, better gone.
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    caption: (body) => `${text(body.display_name)}（${text(body.username)}）`,
  }),
  patient: defineDocumentType({
    type: 'patient',
    example: EXAMPLE_PATIENT,
    label: '患者',
    idPattern: PATIENT_ID,
    schema: patientDoc,
    // Demographics are part of the record, so their history is kept.
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    caption: (body) => text(body.name),
  }),
  encounter: defineDocumentType({
    type: 'encounter',
    example: EXAMPLE_ENCOUNTER,
    label: '就诊',
    idPattern: ENCOUNTER_ID,
    schema: encounterDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    caption: (body) => text(body.visit_number),
  }),
  audit: defineDocumentType({
    type: 'audit',
    example: EXAMPLE_AUDIT_EVENT,
    label: '审计记录',
    idPattern: AUDIT_EVENT_ID,
    schema: auditEventDoc,
    documentClass: 'clinical',
    retention: { kind: 'permanent' },
    // Ids are per workstation and sequence, so two places never write the same event; should one
    // conflict all the same, it is shown and only closed, never merged.
    conflicts: 'immutable',
    immutable: { kind: 'always', says: '审计记录一经写入就不能修改或删除' },
    audit: 'none',
    caption: (body) => `${text(body.workstation)} #${String(body.seq ?? '')}`,
  }),
  reference_dictionary: defineDocumentType({
    type: 'reference_dictionary',
    example: EXAMPLE_REFERENCE_DICTIONARY,
    label: '县级字典',
    idPattern: REFERENCE_DICTIONARY_ID,
    schema: referenceDictionaryDoc,
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    conflicts: 'county_wins',
    audit: 'none',
    caption: (body) => text(body.title),
  }),
  drug: defineDocumentType({
    type: 'drug',
    example: EXAMPLE_DRUG,
    label: '药品',
    idPattern: DRUG_ID,
    schema: drugDoc,
    // The current list is what matters; a prescription keeps the drug's name and strength as written.
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    caption: (body) => `${text(body.generic_name)}（${text(body.code)}）`,
  }),
  prescribing_right: defineDocumentType({
    type: 'prescribing_right',
    example: EXAMPLE_PRESCRIBING_RIGHT,
    label: '抗菌药物处方权',
    idPattern: PRESCRIBING_RIGHT_ID,
    schema: prescribingRightDoc,
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    caption: (body) => text(body.username),
  }),
  draft: defineDocumentType({
    type: 'draft',
    example: EXAMPLE_DRAFT,
    label: '草稿',
    idPattern: DRAFT_ID,
    schema: draftDoc,
    documentClass: 'administrative',
    retention: { kind: 'until_discarded' },
    conflicts: 'local_only',
    audit: 'none',
    storage: 'local',
  }),
} satisfies Record<string, DocumentTypeDefinition>;

export type DocumentType = keyof typeof CLINIC_DOCUMENT_TYPES;
export type DocumentOf<T extends DocumentType> = z.infer<(typeof CLINIC_DOCUMENT_TYPES)[T]['schema']>;

/** The registry the app runs with. */
export const documentRegistry = new DocumentRegistry(Object.values(CLINIC_DOCUMENT_TYPES));

/** Adds a type to the app's registry (a test-only type); returns the function that removes it. */
export function registerDocumentType(definition: DocumentTypeDefinition): () => void {
  return documentRegistry.register(definition);
}
