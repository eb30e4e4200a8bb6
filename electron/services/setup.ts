import { DEFAULT_CLINIC_TIME_ZONE } from '../../shared/time/clinic-time';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { ApiFailure } from '../../shared/api';
import type { setupInput } from '../../shared/api';
import { CLINIC_SETTINGS_ID, DEFAULT_FEE_CATEGORIES, type ClinicSettingsDoc, type DepartmentDoc, type UserDoc, departmentId, userId } from '../../shared/docs';
import type { ClinicData } from './clinic-data';
import { documentStamp } from './clinic-data';
import { hashPassword } from './passwords';

export const META_WORKSTATION = 'workstation_id';
export const META_INITIALIZED_AT = 'initialized_at';

export type SetupInput = z.output<typeof setupInput>;

export function readClinicSettings(data: ClinicData): ClinicSettingsDoc | null {
  const doc = data.store.get(CLINIC_SETTINGS_ID);
  return doc && doc.type === 'clinic_settings' ? (doc as unknown as ClinicSettingsDoc) : null;
}

export function isInitialized(data: ClinicData): boolean {
  return readClinicSettings(data) !== null && data.meta.get(META_WORKSTATION) !== null && data.users.count() > 0;
}

/**
 * First-run setup: the clinic's settings, its departments and the first administrator, written
 * in one transaction so a crash leaves either a set-up clinic or a blank one, never half of each.
 */
export async function initializeClinic(data: ClinicData, input: SetupInput, now = new Date()): Promise<{ clinicCode: string; patientIdKey: string }> {
  if (isInitialized(data)) throw new ApiFailure('ALREADY_SET_UP');
  const actor = input.admin.username;
  const stamp = documentStamp(input.clinic.code, actor, now);
  const patientIdKey = input.patientIdKey ?? randomBytes(32).toString('hex');
  const passwordHash = await hashPassword(input.admin.password);

  const settings: ClinicSettingsDoc = {
    _id: CLINIC_SETTINGS_ID,
    type: 'clinic_settings',
    ...stamp,
    name: input.clinic.name,
    code: input.clinic.code,
    ...(input.clinic.divisionCode ? { division_code: input.clinic.divisionCode } : {}),
    time_zone: input.clinic.timeZone ?? DEFAULT_CLINIC_TIME_ZONE,
    patient_id_key: patientIdKey,
    fee_categories: DEFAULT_FEE_CATEGORIES.map((c) => ({ ...c })),
  };
  const departments: DepartmentDoc[] = input.departments.map((d) => ({
    _id: departmentId(d.code),
    type: 'department',
    ...stamp,
    code: d.code,
    name: d.name,
    outpatient: d.outpatient,
    active: true,
  }));
  const admin: UserDoc = {
    _id: userId(input.admin.username),
    type: 'user',
    ...stamp,
    username: input.admin.username,
    display_name: input.admin.displayName,
    roles: ['admin'],
    department_codes: [],
    password_hash: passwordHash,
    active: true,
  };

  data.store.transaction(() => {
    // Checked again inside the transaction: two set-up calls racing must not both win.
    if (isInitialized(data)) throw new ApiFailure('ALREADY_SET_UP');
    const results = data.store.bulkDocs([settings, ...departments, admin]);
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) throw new ApiFailure(failed.error === 'conflict' ? 'ALREADY_SET_UP' : 'VALIDATION_FAILED', failed.reason);
    data.meta.set(META_WORKSTATION, input.workstationId);
    data.meta.set(META_INITIALIZED_AT, now.toISOString());
  });
  return { clinicCode: input.clinic.code, patientIdKey };
}
