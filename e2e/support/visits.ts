import { invoke } from './api';
import type { ClinicServer } from './server';

/** A new patient registered and given a visit at a PC through its API, as a front desk would; the visit number. */
export async function registerVisit(server: ClinicServer, session: string, name: string, departmentCode = '03'): Promise<string> {
  const patient = await invoke(
    server,
    'patients.register',
    { patient: { name, sex: '2', birthDate: '1950-01-01', cards: [], allergies: [] }, acknowledgedDuplicates: true },
    session,
  );
  const visit = await invoke(server, 'visits.register', { patientId: patient.id, departmentCode, visitType: 'first', feeCategory: 'self' }, session);
  return visit.visitNumber;
}
