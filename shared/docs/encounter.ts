import { z } from 'zod';
import { documentBase, isoDate, isoTimestamp } from './base';
import { ENCOUNTER_ID, PATIENT_ID } from './ids';

export const visitType = z.enum(['first', 'return', 'emergency']);
export const VISIT_TYPE_LABELS = { first: '初诊', return: '复诊', emergency: '急诊' } as const;

export const encounterStatus = z.enum(['waiting', 'in_progress', 'completed', 'cancelled']);

/** One outpatient visit (就诊), created at registration (挂号). Id: `encounter:<ULID>`. */
export const encounterDoc = z.object({
  _id: z.string().regex(ENCOUNTER_ID),
  type: z.literal('encounter'),
  ...documentBase,
  patient_id: z.string().regex(PATIENT_ID),
  department_code: z.string().min(1),
  doctor_username: z.string().optional(),
  visit_type: visitType,
  fee_category: z.string().min(1),
  /** 门诊号: `<workstation>-<YYYYMMDD>-<seq>`, unique without coordination between workstations. */
  visit_number: z.string().regex(/^[A-Z0-9]{1,8}-\d{8}-\d{4,}$/),
  visit_date: isoDate,
  registered_at: isoTimestamp,
  status: encounterStatus,
  cancel_reason: z.string().max(200).optional(),
  /** 叫号 (shared/clinical/visit-state.ts): when last called, how often, set aside (过号), finished. */
  called_at: isoTimestamp.optional(),
  call_count: z.number().int().positive().optional(),
  passed_at: isoTimestamp.optional(),
  completed_at: isoTimestamp.optional(),
});
export type EncounterDoc = z.infer<typeof encounterDoc>;
