export * from './resident-id';
export { maskIdNumber } from './mask';
export { createPatientIdDeriver, patientIdFromResidentId, HASHED_PATIENT_ID } from './patient-id';
export * from './phone';
export { chinaDateOf, isRealDate, parseIsoDate } from './dates';
