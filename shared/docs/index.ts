import { z } from 'zod';
import { auditEventDoc } from './audit';
import { clinicSettingsDoc } from './clinic';
import { departmentDoc } from './department';
import { encounterDoc } from './encounter';
import { patientDoc } from './patient';
import { userDoc } from './user';

export * from './base';
export * from './audit';
export * from './clinic';
export * from './department';
export * from './encounter';
export * from './patient';
export * from './user';

/** Every document type the clinic writes, keyed by its `type` field. */
export const DOCUMENT_SCHEMAS = {
  clinic_settings: clinicSettingsDoc,
  department: departmentDoc,
  user: userDoc,
  patient: patientDoc,
  encounter: encounterDoc,
  audit: auditEventDoc,
} as const;
export type DocumentType = keyof typeof DOCUMENT_SCHEMAS;
export type ClinicDocument = z.infer<(typeof DOCUMENT_SCHEMAS)[DocumentType]>;

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_SCHEMAS, value);
}
