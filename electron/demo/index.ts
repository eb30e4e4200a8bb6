/** Demo data for a believable township clinic, deterministic from a seed. Storage is the caller's job. */
export { DEMO_DEPARTMENTS, generateDepartments, type DepartmentOptions } from './departments';
export { doctorsByDepartment, generateStaff, staffRoster, type StaffOptions } from './staff';
export { generatePatients, type PatientGeneratorOptions } from './patients';
export { estimateVisitsPerDay, generateEncounters, type EncounterGeneratorOptions, type EncounterPatient } from './encounters';
export { Prng, WeightedTable } from './prng';
export { resolveClinicPlace, type ClinicPlace } from './places';
